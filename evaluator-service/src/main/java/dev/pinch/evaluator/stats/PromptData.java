package dev.pinch.evaluator.stats;

import java.util.List;
import java.util.Map;

/** Per-prompt scores of one metric, as a bootstrap reads them. */
@FunctionalInterface
public interface PromptData {

    /**
     * The scores of {@code mix} in {@code lang}: one map per seed (replicate), prompt id to score, holding only the
     * prompts that were measured. Empty when the mix has no evaluation in that language.
     */
    List<Map<String, Double>> replicates(String mix, String lang);
}
