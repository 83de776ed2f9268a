package dev.pinch.dataset.domain;

import java.util.List;
import java.util.Map;

/**
 * What an assembled mix holds. Stored beside the mix's examples.
 *
 * @param mix                     the mix's name
 * @param total                   number of examples
 * @param countsByLanguage        examples per language, sorted by language
 * @param countsByLanguageAndTask per language, examples per task, both sorted
 * @param idsByLanguage           per language, the example ids used, in the order of the mix's examples
 * @param replacement             wire name of the replacement policy ({@code distinct-ids} or {@code same-ids})
 * @param seed                    the experiment seed the mix was drawn with
 * @param sha256                  sha256 (lower-case hex) of the mix's JSONL, as {@link MixAssembler#writeJsonl} writes it
 */
public record MixManifest(
        String mix,
        int total,
        Map<String, Integer> countsByLanguage,
        Map<String, Map<String, Integer>> countsByLanguageAndTask,
        Map<String, List<String>> idsByLanguage,
        String replacement,
        long seed,
        String sha256) {
}
