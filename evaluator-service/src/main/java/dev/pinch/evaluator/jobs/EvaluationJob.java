package dev.pinch.evaluator.jobs;

import dev.pinch.evaluator.planning.EvalPlan;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.DesignRef;
import java.time.Instant;
import java.util.List;

/**
 * The evaluation of one checkpoint on one eval set with one judge: the unit of idempotency, stored durably as
 * {@code evaluator/jobs/<experiment>/<checkpoint>/<evalSet>.<judge>.json} before the CheckpointReady is acknowledged.
 *
 * @param jobId           {@code <checkpointId>/<evalSet>.<judge>}
 * @param experimentId    the experiment
 * @param runId           the training run
 * @param checkpointId    the checkpoint
 * @param mixId           the mix it was tuned on
 * @param design          the mix's design
 * @param step            the checkpoint's step
 * @param finalCheckpoint whether it is its run's final checkpoint
 * @param checkpointUri   the checkpoint directory in the store
 * @param sha256          the checkpoint's announced sha256
 * @param plan            how it is evaluated
 * @param state           where the job is
 * @param pendingSxs      eval languages whose SxS waits for the baseline's responses (score stored as null)
 * @param announced       whether the EvaluationReady of the stored result was acknowledged by the broker
 * @param error           why it failed, or null
 * @param createdAt       when it was recorded
 * @param updatedAt       last change
 * @param seed            the run's training seed (experiments with {@code seeds}), else null
 */
public record EvaluationJob(String jobId, String experimentId, String runId, String checkpointId, String mixId,
        DesignRef design, long step, boolean finalCheckpoint, String checkpointUri, String sha256, EvalPlan plan,
        JobState state, List<String> pendingSxs, boolean announced, String error, Instant createdAt,
        Instant updatedAt, Long seed) {

    /** The design type, name and mix suffix of an experiment's untuned base model: its job's mix is {@code <exp>.base}. */
    public static final String BASE_DESIGN = "base";

    /** Copies the list. */
    public EvaluationJob {
        pendingSxs = pendingSxs == null ? List.of() : List.copyOf(pendingSxs);
    }

    /** The job id of a checkpoint, eval set and judge. */
    public static String id(String checkpointId, String evalSet, String judge) {
        return checkpointId + "/" + evalSet + "." + judge;
    }

    /** A new QUEUED job for a checkpoint. */
    public static EvaluationJob queued(CheckpointReady c, EvalPlan plan, Instant now) {
        return new EvaluationJob(id(c.checkpointId(), plan.evalSet(), plan.judge().name()), c.experimentId(),
                c.runId(), c.checkpointId(), c.mixId(), c.design(), c.step(), c.finalCheckpoint(), c.uri(),
                c.sha256(), plan, JobState.QUEUED, List.of(), false, null, now, now, c.seed());
    }

    /**
     * Whether this job evaluates the experiment's untuned base model (the report's reference row) rather than a tuned
     * checkpoint. Not named {@code isBaseModel}, so that the stored job's JSON does not gain a property.
     */
    public boolean baseModelRow() {
        return design != null && BASE_DESIGN.equals(design.type());
    }

    /** The judge's name. */
    public String judge() {
        return plan.judge().name();
    }

    /** This job in another state (the error cleared unless FAILED). */
    public EvaluationJob moveTo(JobState next, Instant now) {
        return new EvaluationJob(jobId, experimentId, runId, checkpointId, mixId, design, step, finalCheckpoint,
                checkpointUri, sha256, plan, next, pendingSxs, announced, next == JobState.FAILED ? error : null,
                createdAt, now, seed);
    }

    /** This job FAILED with a reason. */
    public EvaluationJob failed(String reason, Instant now) {
        return new EvaluationJob(jobId, experimentId, runId, checkpointId, mixId, design, step, finalCheckpoint,
                checkpointUri, sha256, plan, JobState.FAILED, pendingSxs, announced, reason, createdAt, now, seed);
    }

    /** This job with results stored: pending SxS languages, and whether their event was acknowledged. */
    public EvaluationJob withResults(List<String> pending, boolean isAnnounced, Instant now) {
        return new EvaluationJob(jobId, experimentId, runId, checkpointId, mixId, design, step, finalCheckpoint,
                checkpointUri, sha256, plan, state, pending, isAnnounced, error, createdAt, now, seed);
    }
}
