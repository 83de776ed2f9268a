package dev.pinch.evaluator.jobs;

/** Where an evaluation job is. */
public enum JobState {
    /** Recorded and waiting for a worker. */
    QUEUED,
    /** Generating responses (resumable: stored responses are kept). */
    GENERATING,
    /** Responses complete; scoring and storing the results. */
    SCORING,
    /** Results stored (SxS of some languages may still wait for their baseline; see {@code pendingSxs}). */
    DONE,
    /** Failed with a reason; a redelivered CheckpointReady queues it again. */
    FAILED;

    /** Whether a worker still has to run the job. */
    public boolean unfinished() {
        return this == QUEUED || this == GENERATING || this == SCORING;
    }
}
