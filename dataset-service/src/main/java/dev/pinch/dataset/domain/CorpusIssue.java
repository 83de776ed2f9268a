package dev.pinch.dataset.domain;

/**
 * One problem found while importing a corpus.
 *
 * @param file     the file name it was found in (no directory), or null when it concerns the corpus as a whole
 * @param line     1-based line of the offending record (for an Alpaca JSON array, the line where the element
 *                 starts); 0 when the issue is not tied to a line
 * @param index    0-based array index of the element in an Alpaca JSON file; null for JSONL
 * @param field    the field concerned ({@code id}, {@code lang}, ...), or null
 * @param message  what is wrong, in plain words
 * @param severity {@link Severity#ERROR} makes the corpus unusable; {@link Severity#WARNING} does not
 */
public record CorpusIssue(String file, int line, Integer index, String field, String message, Severity severity) {

    /** How bad an issue is. */
    public enum Severity {
        /** The corpus is refused. */
        ERROR,
        /** The corpus is usable, e.g. some ids are missing in some languages (mixes use the ids available). */
        WARNING
    }
}
