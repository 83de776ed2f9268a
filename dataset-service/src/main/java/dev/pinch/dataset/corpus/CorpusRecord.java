package dev.pinch.dataset.corpus;

/**
 * One example as a reader found it, before validation. Any field may be null or blank.
 *
 * @param file  file name the record came from
 * @param line  1-based line where it starts
 * @param index 0-based array index for Alpaca JSON, null for JSONL
 * @param split split as written ({@code train}, {@code dev}, {@code validation}, {@code test})
 */
public record CorpusRecord(String file, int line, Integer index, String id, String lang, String task, String split,
        String instruction, String response) {
}
