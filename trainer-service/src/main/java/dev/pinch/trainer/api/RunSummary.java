package dev.pinch.trainer.api;

import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunProgress;
import dev.pinch.trainer.domain.RunState;
import java.time.Instant;

/**
 * A line of {@code GET /runs}. {@code step}, {@code totalSteps}, {@code loss}, {@code tokensPerSecond} and
 * {@code etaSeconds} are null before the first progress report; {@code etaSeconds} is the remaining steps at the
 * mean step time so far. {@code seed} is the training seed of a run of an experiment with {@code seeds}, else null.
 */
public record RunSummary(String runId, String experimentId, String mixId, RunState state, boolean cancelRequested,
        Long step, Long totalSteps, Double loss, Double tokensPerSecond, Long etaSeconds, int checkpoints,
        String baseModel, Instant createdAt, Instant updatedAt, String error, Long seed) {

    static RunSummary of(Run run) {
        RunProgress p = run.progress();
        return new RunSummary(run.runId(), run.experimentId(), run.mixId(), run.state(), run.cancelRequested(),
                p == null ? null : p.step(), p == null ? null : p.totalSteps(), p == null ? null : p.loss(),
                p == null ? null : p.tokensPerSecond(), p == null ? null : eta(p), run.checkpoints().size(),
                run.baseModel(), run.createdAt(), run.updatedAt(), run.error(),
                run.mix() == null ? null : run.mix().seed());
    }

    static long eta(RunProgress p) {
        return Math.round(Math.max(0, p.totalSteps() - p.step()) * p.stepMillis() / 1000);
    }
}
