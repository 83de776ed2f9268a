package dev.pinch.events;

import java.time.Instant;
import java.util.UUID;

/** Periodic progress of one training run. Keyed by run id. */
public record TrainingProgress(
        UUID eventId,
        String eventType,
        String experimentId,
        Instant timestamp,
        String runId,
        String mixId,
        long step,
        long totalSteps,
        int epoch,
        double loss,
        double tokensPerSecond,
        double learningRate) implements PipelineEvent {

    public static final String TYPE = "dev.pinch.training.progress.v1";

    @Override
    public String key() {
        return runId;
    }
}
