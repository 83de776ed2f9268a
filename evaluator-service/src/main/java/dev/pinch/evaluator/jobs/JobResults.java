package dev.pinch.evaluator.jobs;

/**
 * Where a job goes once its responses are complete: scoring, storing and announcing its result. The jobs package owns
 * this interface and the results package implements it ({@code EvaluationResults}), so that job lifecycle does not
 * depend on scoring.
 */
public interface JobResults {

    /** Scores a job whose responses are complete, stores and announces it, then serves the jobs waiting on it. */
    void score(String jobId);

    /**
     * Re-scores the pending languages of a finished job whose baselines are now complete, and re-announces its
     * stored result if that was never acknowledged. Does nothing for other jobs.
     */
    void refresh(String jobId);
}
