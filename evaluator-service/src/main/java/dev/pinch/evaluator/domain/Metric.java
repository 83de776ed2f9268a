package dev.pinch.evaluator.domain;

import java.util.function.Function;

/** The per-language scores a report shows, each as a cell value and as a per-prompt value (both 0..100). */
public enum Metric {
    /** The paper's instruction-following score: SxS against the monolingual model of the eval language. */
    SXS("sxs", "SxS vs monolingual (%)", LanguageScore::sxs, r -> r.sxs() == null ? null : 100 * r.sxs().points()),
    /** Task score: exact label match or chrF. */
    TASK("task", "task score", s -> Double.isNaN(s.taskScore()) ? null : s.taskScore(), PromptResult::task),
    /** Share of responses in the prompt's language, as a percentage. */
    LANGUAGE("language", "response in prompt language (%)", s -> 100 * s.languageRate(),
            r -> r.inLanguage() ? 100.0 : 0.0),
    /** Share of degenerate (repetitive) responses. */
    DEGENERATE("degenerate", "degenerate responses (%)", s -> percent(s.degenerateRate()),
            r -> r.degenerate() ? 100.0 : 0.0),
    /** LCB line-level pass rate. */
    LINE_PASS("line_pass", "LCB line-level pass rate (%)", s -> percent(s.linePassRate()),
            r -> r.linePass() == null ? null : r.linePass() ? 100.0 : 0.0),
    /** LCB word-level pass rate (non-Latin scripts). */
    WORD_PASS("word_pass", "LCB word-level pass rate (%)", s -> percent(s.wordPassRate()),
            r -> r.wordPass() == null ? null : r.wordPass() ? 100.0 : 0.0);

    private final String key;
    private final String title;
    private final Function<LanguageScore, Double> value;
    private final Function<PromptResult, Double> perPrompt;

    Metric(String key, String title, Function<LanguageScore, Double> value, Function<PromptResult, Double> perPrompt) {
        this.key = key;
        this.title = title;
        this.value = value;
        this.perPrompt = perPrompt;
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

    private static Double percent(Double rate) {
        return rate == null ? null : 100 * rate;
    }
}
