package dev.pinch.dataset.domain;

import java.util.List;
import java.util.Map;

/**
 * One design of an experiment. Which fields apply depends on {@code type}:
 * <ul>
 *   <li>{@code monolingual}: {@code languages}; one mix per language, the whole budget in it.</li>
 *   <li>{@code pinch}: {@code percents} and/or {@code multilingualCounts}, {@code baseLanguage} (en),
 *       {@code languages} (the multilingual languages, base included), {@code replacement}.
 *       P% of the budget is split evenly over all the languages; the rest is base language. An explicit
 *       count (the paper's 40) is split evenly over the non-base languages instead.</li>
 *   <li>{@code multilingual}: {@code languages}; the budget split uniformly.</li>
 *   <li>{@code seen-unseen}: a pinch sweep whose multilingual languages are the seen ones
 *       ({@code languages}, default en, ar, fi, it, ru, sw).</li>
 *   <li>{@code language-count}: {@code languages} added one at a time, in {@code orderings} seeded
 *       permutations (default 3); the budget split uniformly.</li>
 *   <li>{@code bilingual-pairs}: {@code languages} paired at random (seeded), 50/50 each.</li>
 *   <li>{@code custom}: explicit per-language {@code counts}.</li>
 * </ul>
 *
 * @param name        name of the design inside the experiment; defaults to its type. Mix names derive from it.
 * @param replacement {@code distinct-ids} (default: every example id at most once per mix) or {@code same-ids}
 */
public record DesignSpec(
        String type,
        String name,
        List<String> languages,
        List<Double> percents,
        List<Integer> multilingualCounts,
        String baseLanguage,
        String replacement,
        Integer orderings,
        Map<String, Integer> counts) {
}
