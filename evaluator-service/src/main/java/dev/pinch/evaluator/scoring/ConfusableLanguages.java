package dev.pinch.evaluator.scoring;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The extra candidate languages a response-language check considers besides the experiment's own: per expected
 * language, related languages a model could drift into (hr: sr, sl; cs: sk; es: pt, ca ...), plus languages
 * added to every check ({@code always}, by default English, the usual drift of instruction-tuned models).
 *
 * @param byLanguage expected language → its confusable languages (ISO 639-1, lower case)
 * @param always     languages added to every check
 */
public record ConfusableLanguages(Map<String, Set<String>> byLanguage, Set<String> always) {

    /**
     * Default pairs. Left out on purpose, after measuring on NTREX sentences: Bosnian for Croatian (Lingua calls
     * about 1 in 6 Croatian sentences Bosnian) and Marathi for Hindi (about 1 in 20).
     */
    private static final String DEFAULTS = "ar=fa,ur; zh=ja; cs=sk; sk=cs; pl=cs,sk; et=fi; fi=et; it=es; es=pt,ca,it;"
            + " pt=es,gl; ru=uk,be,bg; uk=ru,be; be=ru,uk; bg=ru,mk; mk=bg,sr; sr=hr,mk,bg,ru; hr=sr,sl; sl=hr;"
            + " bs=hr,sr; da=nb,nn,sv; nb=da,nn,sv; nn=nb,da; sv=da,nb; nl=af,de; af=nl; de=nl; id=ms; ms=id;"
            + " fa=ar,ur; ur=fa,ar";

    /** Copies and lower-cases the maps. */
    public ConfusableLanguages {
        Map<String, Set<String>> copy = new TreeMap<>();
        byLanguage.forEach((k, v) -> copy.put(normalise(k), Set.copyOf(v.stream().map(ConfusableLanguages::normalise).toList())));
        byLanguage = Map.copyOf(copy);
        always = Set.copyOf(always.stream().map(ConfusableLanguages::normalise).toList());
    }

    /** The defaults: {@value #DEFAULTS}, and English always. */
    public static ConfusableLanguages defaults() {
        return new ConfusableLanguages(parse(DEFAULTS).byLanguage(), Set.of("en"));
    }

    /** No confusable languages: checks choose among the experiment's languages only. */
    public static ConfusableLanguages none() {
        return new ConfusableLanguages(Map.of(), Set.of());
    }

    /**
     * Parses {@code "hr=sr,bs; cs=sk"} (entries separated by {@code ;}, languages by {@code ,}); nothing always added.
     *
     * @throws IllegalArgumentException for an entry without {@code =}
     */
    public static ConfusableLanguages parse(String spec) {
        Map<String, Set<String>> map = new TreeMap<>();
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("confusable languages entry without '=': '" + entry.strip() + "'");
            }
            Set<String> langs = new TreeSet<>();
            for (String l : entry.substring(eq + 1).split(",")) {
                if (!l.isBlank()) {
                    langs.add(normalise(l));
                }
            }
            map.put(normalise(entry.substring(0, eq)), langs);
        }
        return new ConfusableLanguages(map, Set.of());
    }

    /** The confusable languages of {@code language} (empty if none configured). */
    public Set<String> of(String language) {
        return byLanguage.getOrDefault(normalise(language), Set.of());
    }

    /** The candidates of a check for {@code expected}: the experiment's languages, expected, its confusables, always. */
    public Set<String> candidates(String expected, Set<String> experimentLanguages) {
        Set<String> all = new TreeSet<>();
        experimentLanguages.forEach(l -> all.add(normalise(l)));
        all.add(normalise(expected));
        all.addAll(of(expected));
        all.addAll(always);
        return all;
    }

    private static String normalise(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }
}
