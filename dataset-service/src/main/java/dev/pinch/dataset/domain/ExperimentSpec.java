package dev.pinch.dataset.domain;

import java.util.List;
import java.util.Map;

/**
 * What a user asks for: an experiment over one corpus, as a list of designs. Posted as JSON or YAML
 * to {@code POST /experiments}, or as JSON on the trigger topic.
 *
 * @param id        experiment id; generated when absent. Lower-case letters, digits and '-'.
 * @param corpus    corpus name (default {@code builtin})
 * @param budget    examples per mix; default: the number of ids with a train example in every language
 * @param seed      seed of every random choice (default 1)
 * @param languages default language list for designs that name none (default: the paper's 12)
 * @param training  training config, passed to the trainer untouched
 * @param eval      eval config, passed to the evaluator untouched
 * @param designs   at least one design
 */
public record ExperimentSpec(
        String id,
        String corpus,
        Integer budget,
        Long seed,
        List<String> languages,
        Map<String, Object> training,
        Map<String, Object> eval,
        List<DesignSpec> designs) {

    public static final String DEFAULT_CORPUS = "builtin";
    public static final long DEFAULT_SEED = 1;

    /** This spec under another id. */
    public ExperimentSpec withId(String newId) {
        return new ExperimentSpec(newId, corpus, budget, seed, languages, training, eval, designs);
    }
}
