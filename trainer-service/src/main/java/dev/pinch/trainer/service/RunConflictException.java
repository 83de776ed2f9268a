package dev.pinch.trainer.service;

import dev.pinch.events.Violation;
import dev.pinch.support.problem.ProblemException;
import java.util.List;

/** The run's state does not allow the request, such as cancelling a DONE run: a 409 naming the state. */
public class RunConflictException extends ProblemException {

    private final String runId;

    public RunConflictException(String runId, String reason) {
        super(409, "run-conflict", "Run state does not allow this", reason, List.of(new Violation("state", reason)));
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
