package dev.pinch.dataset.domain;

import java.util.List;
import java.util.Map;

/**
 * What a corpus holds. Stored beside the corpus's examples.
 *
 * @param languages     languages present, sorted
 * @param languageCounts examples per language
 * @param splitCounts   per language, examples per split ({@code train}, {@code dev}, {@code test})
 * @param taskCounts    examples per task, over all languages
 * @param trainIds      ids with a train example in every language of the corpus (the parallel core)
 * @param sha256        sha256 of the examples file
 * @param examplesUri   artifact URI of the examples JSONL (sorted by id, then language)
 * @param textUri       artifact URI of the raw pretraining text, or null when the corpus has none
 */
public record CorpusManifest(
        String name,
        String version,
        String description,
        String license,
        List<String> languages,
        Map<String, Integer> languageCounts,
        Map<String, Map<String, Integer>> splitCounts,
        Map<String, Integer> taskCounts,
        int trainIds,
        String sha256,
        String examplesUri,
        String textUri) {
}
