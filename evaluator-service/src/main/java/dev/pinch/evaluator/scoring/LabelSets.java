package dev.pinch.evaluator.scoring;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer labels of each classification task in each language of an eval set, normalised
 * ({@link TaskScorer#normaliseLabel}): every distinct reference of that task and language in the prompt source. A
 * response that is one of its language's labels is in that language, whatever a language identifier makes of one
 * short word ("política" alone cannot be told from Portuguese, but it is one of the Spanish topic labels).
 */
public final class LabelSets {

    /** No labels: only the identifier decides. */
    public static final LabelSets NONE = new LabelSets(Map.of());

    private final Map<String, Set<String>> labels;

    private LabelSets(Map<String, Set<String>> labels) {
        this.labels = labels;
    }

    /** Collects labels; {@link #add} the reference of every prompt, then {@link #build}. */
    public static Builder builder(TaskScorer scorer) {
        return new Builder(scorer);
    }

    /** Whether {@code response} is one of the labels of {@code task} in {@code lang}. */
    public boolean isLabel(String lang, String task, String response) {
        Set<String> known = labels.get(key(lang, task));
        return known != null && response != null && known.contains(TaskScorer.normaliseLabel(response));
    }

    /** The labels of {@code task} in {@code lang}, normalised and sorted (empty when none). */
    public Set<String> of(String lang, String task) {
        return labels.getOrDefault(key(lang, task), Set.of());
    }

    private static String key(String lang, String task) {
        return lang + "\u0000" + task;
    }

    /** Accumulates the references of a prompt source. */
    public static final class Builder {
        private final TaskScorer scorer;
        private final Map<String, Set<String>> labels = new HashMap<>();

        private Builder(TaskScorer scorer) {
            this.scorer = scorer;
        }

        /** Adds a prompt's reference when its task is a label task. */
        public Builder add(String lang, String task, String reference) {
            if (reference != null && scorer.isClassification(task)) {
                labels.computeIfAbsent(key(lang, task), k -> new TreeSet<>()).add(TaskScorer.normaliseLabel(reference));
            }
            return this;
        }

        public LabelSets build() {
            Map<String, Set<String>> copy = new HashMap<>();
            labels.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(v))));
            return new LabelSets(Map.copyOf(copy));
        }
    }
}
