package dev.pinch.trainer.api;

import java.util.List;

/** The body of every 4xx: what went wrong, and which fields and why. */
public record ErrorResponse(int status, String title, String detail, List<Violation> violations) {

    public static ErrorResponse of(int status, String title, String detail, Violation... violations) {
        return new ErrorResponse(status, title, detail, List.of(violations));
    }
}
