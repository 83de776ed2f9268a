package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.CorpusManifest;
import dev.pinch.dataset.domain.Example;
import dev.pinch.dataset.domain.Split;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts what a corpus holds, for its manifest. */
final class CorpusStats {

    private CorpusStats() {
    }

    /** The manifest of {@code examples}, which must be sorted by id then language, with no duplicate pair. */
    static CorpusManifest manifest(CorpusDescriptor d, List<Example> examples, String sha256, String examplesUri,
            String textUri) {
        Map<String, Integer> languageCounts = new TreeMap<>();
        Map<String, Map<String, Integer>> splitCounts = new TreeMap<>();
        Map<String, Integer> taskCounts = new TreeMap<>();
        for (Example e : examples) {
            languageCounts.merge(e.lang(), 1, Integer::sum);
            splitCounts.computeIfAbsent(e.lang(), l -> emptySplits()).merge(e.split().wire(), 1, Integer::sum);
            taskCounts.merge(e.task(), 1, Integer::sum);
        }
        int languages = languageCounts.size();
        int parallelTrain = 0;
        int i = 0;
        while (i < examples.size()) {
            String id = examples.get(i).id();
            int train = 0;
            for (; i < examples.size() && examples.get(i).id().equals(id); i++) {
                train += examples.get(i).split() == Split.TRAIN ? 1 : 0;
            }
            parallelTrain += train == languages ? 1 : 0;
        }
        return new CorpusManifest(d.name(), d.version(), d.description(), d.license(),
                List.copyOf(languageCounts.keySet()), languageCounts, splitCounts, taskCounts, parallelTrain,
                sha256, examplesUri, textUri);
    }

    private static Map<String, Integer> emptySplits() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Split split : Split.values()) {
            counts.put(split.wire(), 0);
        }
        return counts;
    }
}
