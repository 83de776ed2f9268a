package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.Split;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits NTREX-128 by document, so that no dev or test document is seen in training. Documents that share an
 * identical sentence in any language are kept together (upstream, srp-Cyrl line 50 repeats line 4 of another
 * document). Groups are ranked by a seeded hash of their smallest document id; the first ones go to test until it
 * holds {@code round(documents * testFraction)} documents, the next to dev likewise, the rest to train.
 */
final class BuiltinDocumentSplit {

    private BuiltinDocumentSplit() {
    }

    /**
     * @param documents the document id of every line
     * @param texts     per language, the sentence of every line
     * @return the split of every document id, sorted by id
     */
    static Map<String, Split> assign(List<String> documents, List<List<String>> texts, long seed,
            double devFraction, double testFraction) {
        Map<String, String> parent = new HashMap<>();
        documents.forEach(d -> parent.put(d, d));
        for (List<String> lines : texts) {
            Map<String, String> firstDocument = new HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                String first = firstDocument.putIfAbsent(lines.get(i), documents.get(i));
                if (first != null) {
                    union(parent, first, documents.get(i));
                }
            }
        }
        Map<String, List<String>> groups = new TreeMap<>();
        parent.keySet().stream().sorted().forEach(d -> groups.computeIfAbsent(root(parent, d), r -> new ArrayList<>())
                .add(d));
        List<List<String>> ranked = new ArrayList<>(groups.values());
        ranked.sort(Comparator.comparingDouble((List<String> g) -> CorpusHash.unit(seed, "document/" + g.get(0)))
                .thenComparing(g -> g.get(0)));
        long testTarget = Math.round(parent.size() * testFraction);
        long devTarget = Math.round(parent.size() * devFraction);
        Map<String, Split> splits = new TreeMap<>();
        int test = 0;
        int dev = 0;
        for (List<String> group : ranked) {
            Split split = Split.TRAIN;
            if (test < testTarget) {
                split = Split.TEST;
                test += group.size();
            } else if (dev < devTarget) {
                split = Split.DEV;
                dev += group.size();
            }
            for (String document : group) {
                splits.put(document, split);
            }
        }
        return splits;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }

    private static String root(Map<String, String> parent, String d) {
        String r = d;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }
}
