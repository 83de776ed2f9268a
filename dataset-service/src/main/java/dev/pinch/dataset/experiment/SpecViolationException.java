package dev.pinch.dataset.experiment;

import dev.pinch.events.Violation;
import dev.pinch.support.problem.ProblemException;
import java.util.List;

/** An experiment spec that cannot be accepted (a 400); each violation names a field and the reason. */
public class SpecViolationException extends ProblemException {

    public SpecViolationException(List<Violation> violations) {
        super("invalid-experiment", "Invalid experiment spec", violations);
    }
}
