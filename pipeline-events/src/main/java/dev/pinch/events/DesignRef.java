package dev.pinch.events;

import java.util.List;
import java.util.Map;

/**
 * Which design of an experiment produced a mix, with what it needs for reporting.
 *
 * @param type      design type: monolingual, pinch, multilingual, seen-unseen, language-count,
 *                  bilingual-pairs or custom
 * @param name      the design's name inside the experiment
 * @param languages the languages the mix tunes on
 * @param params    design parameters as strings, e.g. {@code percent=10}, {@code ordering=2}
 */
public record DesignRef(String type, String name, List<String> languages, Map<String, String> params) {
}
