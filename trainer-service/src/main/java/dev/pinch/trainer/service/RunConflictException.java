package dev.pinch.trainer.service;

/** The run's state does not allow the request, such as cancelling a DONE run. */
public class RunConflictException extends RuntimeException {

    private final String runId;

    public RunConflictException(String runId, String reason) {
        super(reason);
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
