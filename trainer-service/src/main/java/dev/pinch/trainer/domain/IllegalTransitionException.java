package dev.pinch.trainer.domain;

/** A state change the run state machine does not allow, such as cancelling a DONE run. */
public class IllegalTransitionException extends IllegalStateException {

    private final String runId;
    private final RunState from;
    private final RunState to;

    public IllegalTransitionException(String runId, RunState from, RunState to) {
        super("run " + runId + " is " + from + " and cannot become " + to);
        this.runId = runId;
        this.from = from;
        this.to = to;
    }

    public String runId() {
        return runId;
    }

    public RunState from() {
        return from;
    }

    public RunState to() {
        return to;
    }
}
