package dev.pinch.cli.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One poll of an experiment across the three services: the mixes dataset-service assembled, the trainer's runs of
 * them, the evaluator's jobs on their final checkpoints, and the built-in base model's pretraining. An experiment with
 * {@code seeds} has one entry per mix and seed ({@code pinch-p1 seed 2}).
 *
 * @param baseEvaluation the state of the evaluation of the untuned base model (the report's {@code base} row), or
 *                       null when the evaluator has none for this experiment
 */
public record ExperimentSnapshot(String experimentId, boolean published, List<MixStatus> mixes, JsonNode baseModel,
        String baseEvaluation) {

    /**
     * Every mix is {@link MixStatus#finished()}, every MixReady was announced, and the base model's evaluation, if the
     * evaluator queued one, has ended: the report is then final.
     */
    public boolean complete() {
        return published && !mixes.isEmpty() && mixes.stream().allMatch(MixStatus::finished)
                && (baseEvaluation == null || "DONE".equals(baseEvaluation) || "FAILED".equals(baseEvaluation));
    }

    public long count(String phase) {
        return mixes.stream().filter(m -> m.phase().equals(phase)).count();
    }

    /** Builds the snapshot from the JSON of GET /experiments/{id}, /runs, /evaluations and /base-models. */
    public static ExperimentSnapshot of(JsonNode experiment, JsonNode runs, JsonNode evaluations, JsonNode baseModels) {
        Set<String> baselines = baselineLanguages(experiment);
        List<MixStatus> mixes = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        experiment.path("spec").path("seeds").forEach(s -> seeds.add(s.asLong()));
        if (seeds.isEmpty()) {
            seeds.add(null);
        }
        for (JsonNode mix : experiment.path("mixes")) {
            for (Long seed : seeds) {
                mixes.add(status(mix, seed, runs, evaluations, baselines));
            }
        }
        JsonNode base = baseModels != null && baseModels.size() > 0 ? baseModels.get(0) : null;
        String id = experiment.path("id").asText();
        JsonNode baseEval = baseEvaluation(evaluations);
        return new ExperimentSnapshot(id, experiment.path("published").asBoolean(false), mixes, base,
                baseEval == null ? null : baseEval.path("state").asText());
    }

    private static MixStatus status(JsonNode mix, Long seed, JsonNode runs, JsonNode evaluations,
            Set<String> baselines) {
        String mixId = mix.path("id").asText();
        JsonNode run = latest(runs, mixId, seed, false);
        JsonNode eval = latest(evaluations, mixId, seed, true);
        List<String> pending = new ArrayList<>();
        if (eval != null) {
            eval.path("pendingSxs").forEach(l -> {
                if (baselines.contains(l.asText())) {
                    pending.add(l.asText());
                }
            });
        }
        String error = run != null && !run.path("error").isNull() && run.has("error") ? run.path("error").asText()
                : eval != null && eval.hasNonNull("error") ? eval.path("error").asText() : null;
        String name = mix.path("name").asText(mixId) + (seed == null ? "" : " seed " + seed);
        return new MixStatus(mixId, name, run == null ? null : run.path("runId").asText(),
                run == null ? null : run.path("state").asText(), number(run, "step"), number(run, "totalSteps"),
                run == null || run.path("loss").isNull() || !run.has("loss") ? null : run.path("loss").asDouble(),
                number(run, "etaSeconds"), eval == null ? null : eval.path("state").asText(), pending, error);
    }

    /** Languages with a monolingual mix in the experiment: the only SxS baselines that will ever arrive. */
    static Set<String> baselineLanguages(JsonNode experiment) {
        Set<String> languages = new HashSet<>();
        for (JsonNode mix : experiment.path("mixes")) {
            JsonNode design = mix.path("design");
            if ("monolingual".equals(design.path("type").asText()) && design.path("languages").size() == 1) {
                languages.add(design.path("languages").get(0).asText());
            }
        }
        return languages;
    }

    /** The newest evaluation the evaluator marks as the untuned base model's ({@code baseModel: true}), or null. */
    private static JsonNode baseEvaluation(JsonNode evaluations) {
        return newest(evaluations, item -> item.path("baseModel").asBoolean(false));
    }

    /** The newest run of a mix and seed, or the newest evaluation of its final checkpoint. */
    private static JsonNode latest(JsonNode items, String mixId, Long seed, boolean finalCheckpointOnly) {
        return newest(items, item -> mixId.equals(item.path("mixId").asText())
                && java.util.Objects.equals(seed, item.hasNonNull("seed") ? item.path("seed").asLong() : null)
                && (!finalCheckpointOnly || item.path("finalCheckpoint").asBoolean()));
    }

    /** The item with the latest {@code createdAt} among those that {@code which} accepts, or null. */
    private static JsonNode newest(JsonNode items, Predicate<JsonNode> which) {
        JsonNode found = null;
        for (JsonNode item : items) {
            if (which.test(item)
                    && (found == null || item.path("createdAt").asText().compareTo(found.path("createdAt").asText()) >= 0)) {
                found = item;
            }
        }
        return found;
    }

    private static Long number(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.path(field).asLong();
    }
}
