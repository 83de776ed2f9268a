package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.Example;
import java.util.List;

/**
 * The built-in corpus as built from the bundled data.
 *
 * @param examples instruction examples of the 17 languages (topic, continuation, translation)
 * @param text     raw pretraining text: only sentences of training documents and SIB-200 train
 */
public record BuiltinCorpus(List<Example> examples, List<CorpusTextLine> text) {
}
