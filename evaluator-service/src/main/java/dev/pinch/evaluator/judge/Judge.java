package dev.pinch.evaluator.judge;

/**
 * A pairwise judge: given an instruction and two responses, says which response is better, or that they tie.
 * Judges are called concurrently and must be thread-safe.
 */
public interface Judge {

    /**
     * Compares the two responses of {@code request}.
     *
     * @throws JudgeException when no verdict can be reached (endpoint down, unparsable answers)
     */
    Verdict compare(JudgeRequest request);

    /** A short, stable name of this judge, used in metric tags and cache keys (for example {@code reference}). */
    default String id() {
        return getClass().getSimpleName();
    }
}
