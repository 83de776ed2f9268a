package dev.pinch.trainer.service;

/** A run cannot go on, for a reason the user can act on; the message is recorded as the run's error. */
public class RunFailure extends RuntimeException {

    public RunFailure(String reason) {
        super(reason);
    }

    public RunFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
