package dev.pinch.cli.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A service answered with an error, or could not be reached; the message is meant for the user as it is. */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or 0 when the service could not be reached. */
    public int status() {
        return status;
    }

    /** "METHOD path → status: detail" plus one line per violation ({@code field: reason}) of an RFC 9457 problem body. */
    static ApiException of(String method, String path, int status, JsonNode body, String raw) {
        StringBuilder message = new StringBuilder(method + " " + path + " -> " + status);
        if (body != null && body.isObject()) {
            String detail = body.path("detail").asText(body.path("title").asText(""));
            if (!detail.isEmpty()) {
                message.append(": ").append(detail);
            }
            for (JsonNode v : body.path("violations")) {
                message.append(System.lineSeparator()).append("  ").append(v.path("field").asText("?")).append(": ")
                        .append(v.path("reason").asText());
            }
        } else if (raw != null && !raw.isBlank()) {
            message.append(": ").append(raw.length() > 500 ? raw.substring(0, 500) + "…" : raw);
        }
        return new ApiException(status, message.toString());
    }
}
