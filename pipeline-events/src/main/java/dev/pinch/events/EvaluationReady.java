package dev.pinch.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A checkpoint was scored in every eval language and its results stored. Keyed by checkpoint id.
 *
 * @param scores per eval language, score name to value (e.g. {@code sxs}, {@code task}, {@code language_ok})
 */
public record EvaluationReady(
        UUID eventId,
        String eventType,
        String experimentId,
        Instant timestamp,
        String checkpointId,
        String mixId,
        String evalSet,
        String judge,
        String resultUri,
        String sha256,
        Map<String, Map<String, Double>> scores) implements PipelineEvent {

    public static final String TYPE = "dev.pinch.evaluation.ready.v1";

    @Override
    public String key() {
        return checkpointId;
    }
}
