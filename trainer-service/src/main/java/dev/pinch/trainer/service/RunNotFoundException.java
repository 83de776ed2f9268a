package dev.pinch.trainer.service;

import dev.pinch.events.Violation;
import dev.pinch.support.problem.ProblemException;
import java.util.List;

/** No run has the given id: a 404 naming the id. */
public class RunNotFoundException extends ProblemException {

    public RunNotFoundException(String runId) {
        super(404, "not-found", "Not found", "no run '" + runId + "'",
                List.of(new Violation("id", "no run '" + runId + "'")));
    }
}
