package dev.pinch.trainer.api;

/** One thing wrong with a request: the offending field (or path parameter) and why. */
public record Violation(String field, String message) {
}
