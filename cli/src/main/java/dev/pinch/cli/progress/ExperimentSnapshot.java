package dev.pinch.cli.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One poll of an experiment across the three services: the mixes dataset-service assembled, the trainer's runs of
 * them, the evaluator's jobs on their final checkpoints, and the built-in base model's pretraining.
 */
public record ExperimentSnapshot(String experimentId, boolean published, List<MixStatus> mixes, JsonNode baseModel) {

    /** Every mix is {@link MixStatus#finished()} and every MixReady was announced. */
    public boolean complete() {
        return published && !mixes.isEmpty() && mixes.stream().allMatch(MixStatus::finished);
    }

    public long count(String phase) {
        return mixes.stream().filter(m -> m.phase().equals(phase)).count();
    }

    /** Builds the snapshot from the JSON of GET /experiments/{id}, /runs, /evaluations and /base-models. */
    public static ExperimentSnapshot of(JsonNode experiment, JsonNode runs, JsonNode evaluations, JsonNode baseModels) {
        Set<String> baselines = baselineLanguages(experiment);
        List<MixStatus> mixes = new ArrayList<>();
        for (JsonNode mix : experiment.path("mixes")) {
            String mixId = mix.path("id").asText();
            JsonNode run = latest(runs, mixId, false);
            JsonNode eval = latest(evaluations, mixId, true);
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
            mixes.add(new MixStatus(mixId, mix.path("name").asText(mixId), run == null ? null : run.path("runId").asText(),
                    run == null ? null : run.path("state").asText(), number(run, "step"), number(run, "totalSteps"),
                    run == null || run.path("loss").isNull() || !run.has("loss") ? null : run.path("loss").asDouble(),
                    number(run, "etaSeconds"), eval == null ? null : eval.path("state").asText(), pending, error));
        }
        JsonNode base = baseModels != null && baseModels.size() > 0 ? baseModels.get(0) : null;
        return new ExperimentSnapshot(experiment.path("id").asText(), experiment.path("published").asBoolean(false),
                mixes, base);
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

    /** The newest run of a mix, or the newest evaluation of its final checkpoint. */
    private static JsonNode latest(JsonNode items, String mixId, boolean finalCheckpointOnly) {
        JsonNode found = null;
        for (JsonNode item : items) {
            if (mixId.equals(item.path("mixId").asText())
                    && (!finalCheckpointOnly || item.path("finalCheckpoint").asBoolean())
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
