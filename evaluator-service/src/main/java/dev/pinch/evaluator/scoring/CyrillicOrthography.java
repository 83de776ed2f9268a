package dev.pinch.evaluator.scoring;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Cyrillic alphabets of the languages the identifier knows. A Cyrillic text can only be in a language whose
 * alphabet holds (nearly) all its Cyrillic letters: a text with {@code њ} or {@code ђ} is not Russian, and one
 * with {@code ы} or {@code щ} is not Serbian. Up to one letter in 50 may fall outside (quoted foreign names).
 */
final class CyrillicOrthography {

    private static final Map<String, String> ALPHABETS = Map.of(
            "ru", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
            "uk", "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
            "be", "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
            "bg", "абвгдежзийклмнопрстуфхцчшщъьюя",
            "mk", "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
            "sr", "абвгдђежзијклљмнњопрстћуфхцчџш",
            "kk", "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
            "mn", "абвгдеёжзийклмнопрстуфхцчшщъыьэюяөү");

    private CyrillicOrthography() {
    }

    /**
     * The candidates whose alphabet fits {@code text}; candidates without a known alphabet are kept, and when no
     * candidate fits, all are kept (the statistical model decides).
     */
    static Set<String> compatible(String text, Set<String> candidates) {
        String lower = text.toLowerCase(Locale.ROOT);
        int letters = (int) lower.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC && Character.isLetter(cp))
                .count();
        int tolerance = letters / 50;
        Set<String> out = new LinkedHashSet<>();
        for (String c : candidates) {
            String alphabet = ALPHABETS.get(c);
            if (alphabet == null || outside(lower, alphabet) <= tolerance) {
                out.add(c);
            }
        }
        return out.isEmpty() ? candidates : out;
    }

    private static int outside(String lower, String alphabet) {
        return (int) lower.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC && Character.isLetter(cp))
                .filter(cp -> alphabet.indexOf(cp) < 0)
                .count();
    }
}
