package dev.pinch.evaluator.domain;

import java.util.function.Function;

/** The per-language scores a report shows. */
public enum Metric {
    /** The paper's instruction-following score: SxS against the monolingual model of the eval language. */
    SXS("sxs", "SxS vs monolingual (%)", s -> s.sxs()),
    /** Task score: exact label match or chrF. */
    TASK("task", "task score", LanguageScore::taskScore),
    /** Share of responses in the prompt's language, as a percentage. */
    LANGUAGE("language", "response in prompt language (%)", s -> 100 * s.languageRate());

    private final String key;
    private final String title;
    private final Function<LanguageScore, Double> value;

    Metric(String key, String title, Function<LanguageScore, Double> value) {
        this.key = key;
        this.title = title;
        this.value = value;
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
}
