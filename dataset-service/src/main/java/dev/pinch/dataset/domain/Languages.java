package dev.pinch.dataset.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Language codes: ISO 639-1 (optionally with a script or region subtag, e.g. {@code sr-Latn}, {@code zh-TW}). */
public final class Languages {

    /** The paper's 12 languages. */
    public static final List<String> PAPER = List.of("ar", "zh", "cs", "en", "et", "fi", "he", "hi", "it", "ru", "es", "sw");
    /** The paper's seen tuning languages in the seen/unseen and language-count studies. */
    public static final List<String> PAPER_SEEN = List.of("en", "ar", "fi", "it", "ru", "sw");
    /** The Slavic set of the language-similarity study. */
    public static final List<String> SLAVIC = List.of("ru", "sr", "hr", "sl", "pl", "sk", "cs");
    /** The languages of the built-in corpus: the paper's 12 plus sr, hr, sl, pl, sk. */
    public static final List<String> BUILTIN = List.of(
            "ar", "zh", "cs", "en", "et", "fi", "he", "hi", "it", "ru", "es", "sw", "sr", "hr", "sl", "pl", "sk");

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    private static final Pattern TAG = Pattern.compile("([a-z]{2})(-([A-Z][a-z]{3}|[A-Z]{2}))?");

    private Languages() {
    }

    public static boolean isKnown(String code) {
        if (code == null) {
            return false;
        }
        var m = TAG.matcher(code);
        return m.matches() && ISO_639_1.contains(m.group(1));
    }
}
