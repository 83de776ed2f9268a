package dev.pinch.support.problem;

import dev.pinch.events.Violation;
import java.util.List;

/** A query or path parameter with a value the API does not accept: a 400 naming the parameter. */
public class InvalidParameterException extends ProblemException {

    public InvalidParameterException(String field, String reason) {
        super(400, "invalid-request", "Invalid request", field + " " + reason,
                List.of(new Violation(field, field + " " + reason)));
    }

    /** The offending parameter. */
    public String field() {
        return violations().get(0).field();
    }
}
