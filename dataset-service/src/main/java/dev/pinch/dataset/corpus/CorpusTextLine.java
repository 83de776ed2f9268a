package dev.pinch.dataset.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of a corpus's raw pretraining text ({@code text.jsonl}).
 *
 * @param id   the sentence's id, shared by its translations (the built-in corpus: {@code ntrex-<line>},
 *             {@code sib-<index_id>}), or null
 * @param lang ISO 639-1 code
 * @param text the sentence
 */
@JsonPropertyOrder({"id", "lang", "text"})
public record CorpusTextLine(@JsonInclude(JsonInclude.Include.NON_NULL) String id, String lang, String text) {
}
