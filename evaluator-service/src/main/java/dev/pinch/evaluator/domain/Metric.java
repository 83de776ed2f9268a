package dev.pinch.evaluator.domain;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A per-language score a report shows, as a cell value and as a per-prompt value (both 0..100): the six fixed
 * metrics, and the task score of one task ({@link #task(String)}), e.g. topic-classification accuracy. Two metrics
 * are equal when their keys are.
 */
public final class Metric {
    /** The paper's instruction-following score: SxS against the monolingual model of the eval language. */
    public static final Metric SXS = new Metric("sxs", "SxS vs monolingual (%)", LanguageScore::sxs,
            r -> r.sxs() == null ? null : 100 * r.sxs().points());
    /** Task score: exact label match or chrF. */
    public static final Metric TASK = new Metric("task", "task score",
            s -> Double.isNaN(s.taskScore()) ? null : s.taskScore(), PromptResult::task);
    /** Share of responses in the prompt's language, as a percentage. */
    public static final Metric LANGUAGE = new Metric("language", "response in prompt language (%)",
            s -> 100 * s.languageRate(), r -> r.inLanguage() ? 100.0 : 0.0);
    /** Share of degenerate (repetitive) responses. */
    public static final Metric DEGENERATE = new Metric("degenerate", "degenerate responses (%)",
            s -> percent(s.degenerateRate()), r -> r.degenerate() ? 100.0 : 0.0);
    /** LCB line-level pass rate. */
    public static final Metric LINE_PASS = new Metric("line_pass", "LCB line-level pass rate (%)",
            s -> percent(s.linePassRate()), r -> r.linePass() == null ? null : r.linePass() ? 100.0 : 0.0);
    /** LCB word-level pass rate (non-Latin scripts). */
    public static final Metric WORD_PASS = new Metric("word_pass", "LCB word-level pass rate (%)",
            s -> percent(s.wordPassRate()), r -> r.wordPass() == null ? null : r.wordPass() ? 100.0 : 0.0);

    private static final List<Metric> FIXED = List.of(SXS, TASK, LANGUAGE, DEGENERATE, LINE_PASS, WORD_PASS);
    /** Key prefix of the per-task metrics. */
    public static final String TASK_PREFIX = "task:";

    private final String key;
    private final String title;
    private final Function<LanguageScore, Double> value;
    private final Function<PromptResult, Double> perPrompt;

    private Metric(String key, String title, Function<LanguageScore, Double> value,
            Function<PromptResult, Double> perPrompt) {
        this.key = key;
        this.title = title;
        this.value = value;
        this.perPrompt = perPrompt;
    }

    /** The fixed metrics, in report order. */
    public static List<Metric> values() {
        return FIXED;
    }

    /**
     * The task score of the prompts of one task only (key {@code task:<name>}): exact label match for a
     * classification task, which makes it an accuracy; chrF otherwise. Measured from per-prompt results only.
     */
    public static Metric task(String name) {
        Objects.requireNonNull(name, "name");
        return new Metric(TASK_PREFIX + name, "task score: " + name, s -> null,
                r -> name.equals(r.taskName()) ? r.task() : null);
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** The score, or null when it was not measured. */
    public Double of(LanguageScore score) {
        return score == null ? null : value.apply(score);
    }

    /** One prompt's value, or null when this prompt was not measured. */
    public Double of(PromptResult result) {
        return perPrompt.apply(result);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metric m && m.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }

    private static Double percent(Double rate) {
        return rate == null ? null : 100 * rate;
    }
}
