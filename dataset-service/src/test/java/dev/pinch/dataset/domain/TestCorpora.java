package dev.pinch.dataset.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small synthetic corpora built in code for the domain tests. */
final class TestCorpora {

    static final List<String> TASKS = List.of("topic", "continuation", "translation");

    /** 4,640 ids × the paper's 12 languages, all train: the paper's setting. */
    static final Corpus PAPER = parallel(4640, Languages.PAPER);

    private TestCorpora() {
    }

    static String id(int i) {
        return String.format("ex-%05d", i);
    }

    /** {@code ids} ids, each with a train example in every language of {@code languages}. */
    static Corpus parallel(int ids, List<String> languages) {
        Map<String, List<Integer>> byLanguage = new TreeMap<>();
        for (String lang : languages) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < ids; i++) {
                all.add(i);
            }
            byLanguage.put(lang, all);
        }
        return corpus("synthetic", byLanguage, List.of());
    }

    /**
     * A corpus whose language L has train examples for the ids {@code byLanguage.get(L)}, plus a dev and a test
     * example (ids {@code dev-*}, {@code test-*}) per language and id in {@code heldOut}.
     */
    static Corpus corpus(String name, Map<String, List<Integer>> byLanguage, List<Integer> heldOut) {
        List<Example> examples = new ArrayList<>();
        Map<String, Integer> languageCounts = new TreeMap<>();
        byLanguage.forEach((lang, ids) -> {
            for (int i : ids) {
                examples.add(example(id(i), lang, TASKS.get(i % TASKS.size()), Split.TRAIN));
            }
            for (int i : heldOut) {
                examples.add(example(id(i), lang, "topic", Split.DEV));
                examples.add(example(id(i), lang, "topic", Split.TEST));
            }
            languageCounts.put(lang, ids.size() + 2 * heldOut.size());
        });
        CorpusManifest manifest = new CorpusManifest(name, "1", "synthetic test corpus", "CC0-1.0",
                List.copyOf(byLanguage.keySet()), languageCounts, Map.of(), Map.of(), 0, null, null, null);
        return new Corpus(manifest, examples);
    }

    static Example example(String id, String lang, String task, Split split) {
        String text = switch (lang) {
            case "zh" -> "请回答";
            case "ar" -> "أجب";
            case "he" -> "ענה";
            case "ru" -> "Ответь";
            default -> "Answer";
        };
        return new Example(id, lang, task, split, text + " " + id + " \"" + task + "\"", "→ " + lang + " " + id);
    }
}
