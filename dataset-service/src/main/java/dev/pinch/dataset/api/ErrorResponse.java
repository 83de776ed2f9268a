package dev.pinch.dataset.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pinch.dataset.domain.Violation;
import java.util.List;

/**
 * The body of every 4xx: what went wrong, and for invalid input which fields and why.
 *
 * @param report for an invalid corpus, the full validation report (file, line, field, reason); else absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(int status, String title, String detail, List<Violation> violations, Object report) {

    public ErrorResponse(int status, String title, String detail, List<Violation> violations) {
        this(status, title, detail, violations, null);
    }

    public static ErrorResponse of(int status, String title, String detail) {
        return new ErrorResponse(status, title, detail, List.of());
    }
}
