package dev.pinch.dataset.corpus;

import java.util.List;
import java.util.NoSuchElementException;

/** The 17 languages of the built-in corpus, in {@code Languages.BUILTIN} order, with their bundled file codes. */
public final class BuiltinLanguages {

    private static final List<BuiltinLanguage> ALL = List.of(
            new BuiltinLanguage("ar", "arb", "arb_Arab"),
            new BuiltinLanguage("zh", "zho-CN", "zho_Hans"),
            new BuiltinLanguage("cs", "ces", "ces_Latn"),
            new BuiltinLanguage("en", "eng-US", "eng_Latn"),
            new BuiltinLanguage("et", "est", "est_Latn"),
            new BuiltinLanguage("fi", "fin", "fin_Latn"),
            new BuiltinLanguage("he", "heb", "heb_Hebr"),
            new BuiltinLanguage("hi", "hin", "hin_Deva"),
            new BuiltinLanguage("it", "ita", "ita_Latn"),
            new BuiltinLanguage("ru", "rus", "rus_Cyrl"),
            new BuiltinLanguage("es", "spa", "spa_Latn"),
            new BuiltinLanguage("sw", "swa", "swh_Latn"),
            new BuiltinLanguage("sr", "srp-Cyrl", "srp_Cyrl"),
            new BuiltinLanguage("hr", "hrv", "hrv_Latn"),
            new BuiltinLanguage("sl", "slv", "slv_Latn"),
            new BuiltinLanguage("pl", "pol", "pol_Latn"),
            new BuiltinLanguage("sk", "slk", "slk_Latn"));

    private BuiltinLanguages() {
    }

    public static List<BuiltinLanguage> all() {
        return ALL;
    }

    /** The language with ISO code {@code code}. */
    public static BuiltinLanguage of(String code) {
        return ALL.stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("not a built-in language: " + code));
    }
}
