package dev.pinch.trainer.service;

/** No run has the given id. */
public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(String runId) {
        super("no run '" + runId + "'");
    }
}
