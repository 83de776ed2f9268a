package dev.pinch.cli.progress;

import java.util.List;

/**
 * Where one mix of an experiment stands: its training run and the evaluation of its final checkpoint.
 *
 * @param runState   QUEUED, RUNNING, DONE, FAILED or CANCELLED; null before the trainer recorded the run
 * @param evalState  the final checkpoint's evaluation (QUEUED, GENERATING, SCORING, DONE, FAILED), or null
 * @param pendingSxs languages whose SxS still waits for a baseline the experiment will produce
 * @param error      why the run or its evaluation failed, or null
 */
public record MixStatus(String mixId, String name, String runId, String runState, Long step, Long totalSteps,
        Double loss, Long etaSeconds, String evalState, List<String> pendingSxs, String error) {

    /** Nothing more will happen to this mix: its run failed or was cancelled, or its evaluation is complete. */
    public boolean finished() {
        if ("FAILED".equals(runState) || "CANCELLED".equals(runState)) {
            return true;
        }
        return "DONE".equals(runState)
                && ("FAILED".equals(evalState) || "DONE".equals(evalState) && pendingSxs.isEmpty());
    }

    /** The phase a person reads: waiting, training, evaluating, done, failed. */
    public String phase() {
        if (runState == null || "QUEUED".equals(runState)) {
            return "queued";
        }
        if ("RUNNING".equals(runState)) {
            return "training";
        }
        if (!"DONE".equals(runState)) {
            return runState.toLowerCase(java.util.Locale.ROOT);
        }
        if ("FAILED".equals(evalState)) {
            return "eval failed";
        }
        if (finished()) {
            return "done";
        }
        return evalState == null || "QUEUED".equals(evalState) ? "trained" : "DONE".equals(evalState)
                ? "awaiting SxS baseline" : evalState.toLowerCase(java.util.Locale.ROOT);
    }
}
