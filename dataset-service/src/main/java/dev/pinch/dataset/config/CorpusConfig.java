package dev.pinch.dataset.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * Corpus imports ({@code POST /corpora}): {@code pinch.corpus.*}. A request names a file or directory; only those
 * under {@link #importRoot()} are read, and reading stops with a 400 at the first limit reached.
 */
@ConfigMapping(prefix = "pinch.corpus")
public interface CorpusConfig {

    /**
     * The only directory corpus imports read from: a request's {@code path} is relative to it, or absolute inside
     * it, and must stay inside it after following symlinks. Default {@code <pinch.store.root>/imports}, never
     * {@code /}; {@code bin/pinch} sets {@code <data dir>/imports}.
     */
    @WithDefault("${pinch.store.root}/imports")
    String importRoot();

    /** Largest file read (a JSONL corpus, or one {@code <lang>.json} of an Alpaca corpus). Default 1 GiB. */
    @WithDefault("1073741824")
    @Min(1)
    long maxFileBytes();

    /** Longest JSONL line, and longest string in an Alpaca file, in characters. Default 1 Mi. */
    @WithDefault("1048576")
    @Min(1)
    int maxLineChars();

    /** Most examples (records, across every language) one import reads. Default 2,000,000. */
    @WithDefault("2000000")
    @Min(1)
    int maxExamples();
}
