package dev.pinch.dataset.corpus;

import dev.pinch.dataset.config.CorpusConfig;

/**
 * What one corpus import may read ({@code pinch.corpus.max-*}): so that a huge file, a file without line breaks or
 * endless records fail fast with a 400 instead of filling the memory.
 *
 * @param maxFileBytes largest file
 * @param maxLineChars longest JSONL line, and longest string of an Alpaca file
 * @param maxExamples  most records per import
 */
public record CorpusLimits(long maxFileBytes, int maxLineChars, int maxExamples) {

    /** The documented defaults of {@link CorpusConfig}. */
    public static final CorpusLimits DEFAULTS = new CorpusLimits(1L << 30, 1 << 20, 2_000_000);

    public static CorpusLimits of(CorpusConfig config) {
        return new CorpusLimits(config.maxFileBytes(), config.maxLineChars(), config.maxExamples());
    }
}
