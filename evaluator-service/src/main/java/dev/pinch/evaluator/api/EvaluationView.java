package dev.pinch.evaluator.api;

import dev.pinch.evaluator.jobs.EvaluationJob;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An evaluation job as the API shows it.
 *
 * @param jobId        {@code <checkpointId>/<evalSet>.<judge>}
 * @param experimentId the experiment
 * @param checkpointId the checkpoint
 * @param mixId        the mix
 * @param step         the checkpoint's step
 * @param finalCheckpoint whether it is its run's final checkpoint
 * @param evalSet      the eval set
 * @param judge        the judge
 * @param languages    eval languages
 * @param state        QUEUED, GENERATING, SCORING, DONE or FAILED
 * @param pendingSxs   languages whose SxS waits for the baseline's responses
 * @param announced    whether the EvaluationReady of the stored result was acknowledged
 * @param error        why it failed, or null
 * @param responses    responses stored per language (single-checkpoint view only, else null)
 * @param createdAt    when it was recorded
 * @param updatedAt    last change
 * @param seed         the run's training seed (experiments with {@code seeds}), else null
 * @param baseModel    whether this evaluates the experiment's untuned base model (the report's {@code base} row)
 *                     rather than a tuned checkpoint
 */
public record EvaluationView(String jobId, String experimentId, String checkpointId, String mixId, long step,
        boolean finalCheckpoint, String evalSet, String judge, List<String> languages, String state,
        List<String> pendingSxs, boolean announced, String error, Map<String, Integer> responses, Instant createdAt,
        Instant updatedAt, Long seed, boolean baseModel) {

    /** The view of a job, with {@code responses} (may be null). */
    public static EvaluationView of(EvaluationJob j, Map<String, Integer> responses) {
        return new EvaluationView(j.jobId(), j.experimentId(), j.checkpointId(), j.mixId(), j.step(),
                j.finalCheckpoint(), j.plan().evalSet(), j.judge(), j.plan().languages(), j.state().name(),
                j.pendingSxs(), j.announced(), j.error(), responses, j.createdAt(), j.updatedAt(), j.seed(),
                j.baseModelRow());
    }
}
