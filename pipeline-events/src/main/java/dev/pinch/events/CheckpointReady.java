package dev.pinch.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A checkpoint was written durably and can be loaded. Keyed by run id.
 *
 * @param finalCheckpoint true for the run's last checkpoint, false for intermediate ones
 * @param uri             directory of the checkpoint (config.json, safetensors, tokenizer.json, trainer_state.json)
 * @param sha256          sha256 over the checkpoint's files, in name order
 * @param baseModel       the base model the run started from
 * @param device          e.g. {@code cpu} or {@code gpu(0)}
 * @param precision       e.g. {@code fp32} or {@code bf16}
 * @param seed            the run's training seed when its experiment lists {@code seeds} (see {@link MixReady#seed()}),
 *                        else null
 */
public record CheckpointReady(
        UUID eventId,
        String eventType,
        String experimentId,
        Instant timestamp,
        String runId,
        String checkpointId,
        String mixId,
        DesignRef design,
        long step,
        boolean finalCheckpoint,
        String uri,
        String sha256,
        String baseModel,
        String device,
        String precision,
        Map<String, Object> evalConfig,
        Long seed) implements PipelineEvent {

    public static final String TYPE = "dev.pinch.checkpoint.ready.v1";

    @Override
    public String key() {
        return runId;
    }
}
