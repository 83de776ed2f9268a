package dev.pinch.dataset.domain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One example of a parallel corpus in one language. All translations of an example share its {@code id}.
 *
 * @param task e.g. {@code topic}, {@code continuation}, {@code translation}, or a user's own task name
 */
@JsonPropertyOrder({"id", "lang", "task", "split", "instruction", "response"})
public record Example(String id, String lang, String task, Split split, String instruction, String response) {
}
