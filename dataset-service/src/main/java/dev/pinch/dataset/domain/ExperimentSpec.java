package dev.pinch.dataset.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param seeds     training seeds: each mix is trained once per seed (run, checkpoint and evaluation ids then carry
 *                  the seed, and the report pools the seeds); null for one run per mix with the training config's
 *                  seed. Left out of the JSON when null, so that a spec without seeds keeps its hash
 */
public record ExperimentSpec(
        String id,
        String corpus,
        Integer budget,
        Long seed,
        List<String> languages,
        Map<String, Object> training,
        Map<String, Object> eval,
        List<DesignSpec> designs,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Long> seeds) {

    public static final String DEFAULT_CORPUS = "builtin";
    public static final long DEFAULT_SEED = 1;

    /** Most training seeds an experiment may list. */
    public static final int MAX_SEEDS = 10;

    /** A spec with one run per mix (no {@code seeds}). */
    public ExperimentSpec(String id, String corpus, Integer budget, Long seed, List<String> languages,
            Map<String, Object> training, Map<String, Object> eval, List<DesignSpec> designs) {
        this(id, corpus, budget, seed, languages, training, eval, designs, null);
    }

    /** This spec under another id. */
    public ExperimentSpec withId(String newId) {
        return new ExperimentSpec(newId, corpus, budget, seed, languages, training, eval, designs, seeds);
    }
}
