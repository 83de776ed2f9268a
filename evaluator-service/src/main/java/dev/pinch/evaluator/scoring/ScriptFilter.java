package dev.pinch.evaluator.scoring;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Narrows candidate languages by writing system before statistical identification: the scripts a language is
 * written in must cover (nearly) as many of the text's letters as any candidate's, so Cyrillic Serbian can never
 * come out as Croatian, and Devanagari text only as a Devanagari language. Within Cyrillic, {@link CyrillicOrthography} uses each
 * language's alphabet (Serbian ђ ћ ј љ њ џ vs Russian ы э ё й щ ъ ь ю я), which statistical models blur on short text.
 */
final class ScriptFilter {

    private static final Map<String, Set<UnicodeScript>> SCRIPTS = Map.ofEntries(
            Map.entry("ar", Set.of(UnicodeScript.ARABIC)), Map.entry("fa", Set.of(UnicodeScript.ARABIC)),
            Map.entry("ur", Set.of(UnicodeScript.ARABIC)), Map.entry("hy", Set.of(UnicodeScript.ARMENIAN)),
            Map.entry("bn", Set.of(UnicodeScript.BENGALI)), Map.entry("ka", Set.of(UnicodeScript.GEORGIAN)),
            Map.entry("el", Set.of(UnicodeScript.GREEK)), Map.entry("gu", Set.of(UnicodeScript.GUJARATI)),
            Map.entry("pa", Set.of(UnicodeScript.GURMUKHI)), Map.entry("he", Set.of(UnicodeScript.HEBREW)),
            Map.entry("hi", Set.of(UnicodeScript.DEVANAGARI)), Map.entry("mr", Set.of(UnicodeScript.DEVANAGARI)),
            Map.entry("ko", Set.of(UnicodeScript.HANGUL)), Map.entry("ta", Set.of(UnicodeScript.TAMIL)),
            Map.entry("te", Set.of(UnicodeScript.TELUGU)), Map.entry("th", Set.of(UnicodeScript.THAI)),
            Map.entry("zh", Set.of(UnicodeScript.HAN)),
            Map.entry("ja", Set.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA)),
            Map.entry("be", Set.of(UnicodeScript.CYRILLIC)), Map.entry("bg", Set.of(UnicodeScript.CYRILLIC)),
            Map.entry("kk", Set.of(UnicodeScript.CYRILLIC)), Map.entry("mk", Set.of(UnicodeScript.CYRILLIC)),
            Map.entry("mn", Set.of(UnicodeScript.CYRILLIC)), Map.entry("ru", Set.of(UnicodeScript.CYRILLIC)),
            Map.entry("uk", Set.of(UnicodeScript.CYRILLIC)),
            Map.entry("sr", Set.of(UnicodeScript.CYRILLIC)));

    /** Languages with a second, alternative writing system (Serbian is also written in Latin script). */
    private static final Map<String, Set<UnicodeScript>> ALTERNATIVE = Map.of("sr", Set.of(UnicodeScript.LATIN));

    private static final double COVERAGE_SLACK = 0.25;

    /** Whether {@code lang} is written only in a script other than Latin (ar, hi, ru, zh, ...; not sr). */
    static boolean nonLatin(String lang) {
        return SCRIPTS.containsKey(lang) && !ALTERNATIVE.containsKey(lang);
    }

    private ScriptFilter() {
    }

    /**
     * The writing systems of {@code language}, each a set of scripts used together (Japanese: Han and kana);
     * Latin for any language not listed.
     */
    static List<Set<UnicodeScript>> writingSystems(String language) {
        Set<UnicodeScript> main = SCRIPTS.getOrDefault(language, Set.of(UnicodeScript.LATIN));
        Set<UnicodeScript> alternative = ALTERNATIVE.get(language);
        return alternative == null ? List.of(main) : List.of(main, alternative);
    }

    /** Letter counts per script (common and inherited characters left out). */
    static Map<UnicodeScript, Integer> letterCounts(String text) {
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        text.codePoints().filter(Character::isLetter).forEach(cp -> {
            UnicodeScript s = UnicodeScript.of(cp);
            if (s != UnicodeScript.COMMON && s != UnicodeScript.INHERITED) {
                counts.merge(s, 1, Integer::sum);
            }
        });
        return counts;
    }

    /**
     * The candidates whose scripts cover the most letters of {@code text}, within {@value #COVERAGE_SLACK}
     * (so a Chinese sentence with as many Latin letters in names as Han characters keeps Chinese), narrowed
     * by alphabet when the text is mostly Cyrillic. Empty when the text has no letters or no candidate's script.
     */
    static Set<String> compatible(String text, Set<String> candidates) {
        Map<UnicodeScript, Integer> counts = letterCounts(text);
        int letters = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (letters == 0) {
            return Set.of();
        }
        Map<String, Double> coverage = new LinkedHashMap<>();
        for (String c : candidates) {
            int covered = writingSystems(c).stream()
                    .mapToInt(system -> system.stream().mapToInt(s -> counts.getOrDefault(s, 0)).sum())
                    .max().orElse(0);
            if (covered > 0) {
                coverage.put(c, (double) covered / letters);
            }
        }
        double best = coverage.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Set<String> out = new LinkedHashSet<>();
        coverage.forEach((c, v) -> {
            if (v >= best - COVERAGE_SLACK) {
                out.add(c);
            }
        });
        int cyrillic = counts.getOrDefault(UnicodeScript.CYRILLIC, 0);
        if (2 * cyrillic > letters && out.size() > 1) {
            return CyrillicOrthography.compatible(text, out);
        }
        return out;
    }
}
