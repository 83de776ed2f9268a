package dev.pinch.trainer.api;

import dev.pinch.trainer.domain.CheckpointRecord;
import dev.pinch.trainer.domain.LossPoint;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunProgress;
import dev.pinch.trainer.domain.RunState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /runs/{id}}: a run's state, latest progress (null before the first report), loss curve, checkpoints
 * and error, with the mix it trains on.
 *
 * @param mixUri    the mix artifact
 * @param mixSha256 the mix's sha256, as announced and checked
 * @param training  the training config as the experiment gave it
 * @param seed      the training seed of this replicate when the experiment lists {@code seeds} (it overrides the
 *                  config's {@code seed}), else null
 */
public record RunView(String runId, String experimentId, String mixId, RunState state, boolean cancelRequested,
        String configHash, String baseModel, int attempts, String resumedFrom, RunProgress progress,
        List<LossPoint> lossCurve, List<CheckpointRecord> checkpoints, String error, String mixUri, String mixSha256,
        Map<String, Object> training, Instant createdAt, Instant updatedAt, Instant startedAt, Instant finishedAt, Long seed) {

    static RunView of(Run run) {
        return new RunView(run.runId(), run.experimentId(), run.mixId(), run.state(), run.cancelRequested(),
                run.configHash(), run.baseModel(), run.attempts(), run.resumedFrom(), run.progress(), run.lossCurve(),
                run.checkpoints(), run.error(), run.mix().artifactUri(), run.mix().sha256(),
                run.mix().trainingConfig(), run.createdAt(), run.updatedAt(), run.startedAt(), run.finishedAt(),
                run.mix().seed());
    }
}
