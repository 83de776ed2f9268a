package dev.pinch.trainer.api;

import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunState;
import java.time.Instant;

/** A line of {@code GET /runs}: {@code step}, {@code totalSteps} and {@code loss} are null before the first report. */
public record RunSummary(String runId, String experimentId, String mixId, RunState state, boolean cancelRequested,
        Long step, Long totalSteps, Double loss, int checkpoints, String baseModel, Instant createdAt,
        Instant updatedAt, String error) {

    static RunSummary of(Run run) {
        var p = run.progress();
        return new RunSummary(run.runId(), run.experimentId(), run.mixId(), run.state(), run.cancelRequested(),
                p == null ? null : p.step(), p == null ? null : p.totalSteps(), p == null ? null : p.loss(),
                run.checkpoints().size(), run.baseModel(), run.createdAt(), run.updatedAt(), run.error());
    }
}
