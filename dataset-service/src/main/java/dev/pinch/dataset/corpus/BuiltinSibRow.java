package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.Split;

/**
 * One SIB-200 row in one language.
 *
 * @param indexId  aligns the row across languages
 * @param category English topic label, e.g. {@code science/technology}
 * @param split    the upstream split the row is in
 */
record BuiltinSibRow(int indexId, String category, String text, Split split) {
}
