package dev.pinch.dataset.domain;

import dev.pinch.events.DesignRef;
import java.util.Map;

/**
 * A mix before its examples are drawn: how many examples each language gets.
 *
 * @param name         mix name, unique in the experiment (e.g. {@code pinch-p10}, {@code mono-fi})
 * @param counts       examples per language, in a stable (sorted) order
 * @param baseLanguage the language whose examples the others replace; null when the mix has none
 */
public record MixPlan(String name, DesignRef design, Map<String, Integer> counts, String baseLanguage,
        Replacement replacement) {

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
