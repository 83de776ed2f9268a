package dev.pinch.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A checkpoint was scored in every eval language and its results stored. Keyed by checkpoint id.
 *
 * @param scores per eval language, score name to value: {@code language_ok}, {@code task}, {@code sxs}, {@code prompts},
 *               and the rates {@code degenerate}, {@code line_pass}, {@code word_pass} (0..1) where measured
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
