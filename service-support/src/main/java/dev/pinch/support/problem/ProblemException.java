package dev.pinch.support.problem;

import dev.pinch.events.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A failure that a service answers with a problem details response of its own status. Services' exceptions
 * (unknown run, invalid spec, conflicting experiment, ...) extend it, and {@link ProblemMappers} renders them all.
 * The message is the problem's {@code detail}; it is meant for the caller and must not carry secrets or file
 * contents.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final transient List<Violation> violations;

    public ProblemException(int status, String kind, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    /** A 400 whose detail lists every violation. */
    public ProblemException(String kind, String title, List<Violation> violations) {
        this(400, kind, title, joined(violations), violations);
    }

    public int status() {
        return status;
    }

    /** The last part of the problem's type URI, e.g. {@code not-found}. */
    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** An extension member for the problem body ({@link Problem#report()}); none by default. */
    public Object report() {
        return null;
    }

    /** The problem details body for this failure. */
    public Problem problem() {
        return new Problem(Problem.type(kind), title, status, getMessage(), violations, report());
    }

    /** {@code field: reason; field: reason}. */
    public static String joined(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
