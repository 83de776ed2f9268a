package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.Corpus;
import dev.pinch.dataset.domain.CorpusManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few most recently loaded corpora. A registered version never changes, so an entry stays valid for as long as
 * its manifest is the same.
 */
final class CorpusCache {

    /** How many corpora stay loaded; the built-in one is about 85k examples. */
    static final int CAPACITY = 3;

    /** Reads a corpus from the store. */
    @FunctionalInterface
    interface Loader {
        Corpus load() throws IOException;
    }

    private final Map<CorpusManifest, Corpus> entries = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CorpusManifest, Corpus> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The cached corpus of {@code manifest}, loading it on a miss. Loads run one at a time. */
    synchronized Corpus get(CorpusManifest manifest, Loader loader) {
        Corpus corpus = entries.get(manifest);
        if (corpus == null) {
            try {
                corpus = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            entries.put(manifest, corpus);
        }
        return corpus;
    }
}
