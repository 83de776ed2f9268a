package dev.pinch.dataset.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One line of a corpus's raw pretraining text ({@code text.jsonl}). */
@JsonPropertyOrder({"lang", "text"})
public record CorpusTextLine(String lang, String text) {
}
