package dev.pinch.dataset.domain;

/**
 * One thing wrong with an experiment spec.
 *
 * @param field   path of the offending field, e.g. {@code budget}, {@code designs[2].type},
 *                {@code designs[0].percents[1]}, {@code designs[1].languages[3]}, {@code designs[4].counts.fi}
 * @param message what is wrong, with the offending value and, where useful, what is allowed or available
 */
public record Violation(String field, String message) {
}
