package dev.pinch.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pinch.events.Violation;
import java.util.List;

/**
 * The body of every 4xx and 5xx response of every Pinch service: an RFC 9457 problem details object, sent as
 * {@code application/problem+json}.
 *
 * @param type       a URI naming the kind of problem, {@code urn:pinch:problem:<kind>} (e.g.
 *                   {@code urn:pinch:problem:invalid-request}); {@code about:blank} when only the status says it
 * @param title      a short, fixed summary of the kind of problem
 * @param status     the HTTP status code
 * @param detail     what went wrong in this occurrence, for a person to read
 * @param violations for invalid input, every offending field and why; empty otherwise
 * @param report     extension member: for an invalid corpus, the whole validation report (file, line, field,
 *                   reason); absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations,
        Object report) {

    /** The media type of a problem details body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** A problem of the given kind ({@code invalid-request}, {@code not-found}, ...). */
    public static Problem of(int status, String kind, String title, String detail, List<Violation> violations) {
        return new Problem(type(kind), title, status, detail, violations, null);
    }

    /** {@code urn:pinch:problem:<kind>}, or {@code about:blank} for no kind. */
    public static String type(String kind) {
        return kind == null || kind.isBlank() ? "about:blank" : "urn:pinch:problem:" + kind;
    }
}
