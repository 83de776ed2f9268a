package dev.pinch.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A training mix was written to the artifact store and is ready to train on. Keyed by mix id.
 *
 * @param mixId          stable id, {@code <experimentId>.<mix name>}
 * @param design         the design that produced this mix
 * @param counts         examples per language
 * @param exampleCount   total examples in the mix
 * @param corpus         corpus name and version the mix was drawn from
 * @param artifactUri    where the mix's JSONL lives
 * @param sha256         hex sha256 of that file
 * @param trainingConfig the experiment's training config, passed through untouched
 * @param evalConfig     the experiment's eval config, passed through untouched
 * @param seed           the training seed of this replicate when the experiment lists {@code seeds} (one MixReady per
 *                       mix and seed, all keyed by the mix id); null for the single default run, whose seed is the
 *                       training config's
 */
public record MixReady(
        UUID eventId,
        String eventType,
        String experimentId,
        Instant timestamp,
        String mixId,
        DesignRef design,
        Map<String, Integer> counts,
        int exampleCount,
        CorpusRef corpus,
        String artifactUri,
        String sha256,
        Map<String, Object> trainingConfig,
        Map<String, Object> evalConfig,
        Long seed) implements PipelineEvent {

    public static final String TYPE = "dev.pinch.mix.ready.v1";

    @Override
    public String key() {
        return mixId;
    }
}
