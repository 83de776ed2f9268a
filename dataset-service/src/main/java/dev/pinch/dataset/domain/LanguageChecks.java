package dev.pinch.dataset.domain;

import dev.pinch.events.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of language codes against the code syntax and a corpus, shared by the spec validators. */
final class LanguageChecks {

    private LanguageChecks() {
    }

    /** Why {@code code} cannot be used with {@code corpus}, or null when it can. */
    static String problem(String code, Corpus corpus) {
        if (code == null) {
            return "must not be null";
        }
        if (!Languages.isKnown(code)) {
            return "'" + code + "' is not a valid language code: expected an ISO 639-1 code, optionally with a"
                    + " script or region subtag (e.g. fi, sr-Latn, zh-TW)";
        }
        if (!corpus.languages().contains(code)) {
            return "'" + code + "' is not a language of corpus '" + corpus.manifest().name() + "' (it has: "
                    + String.join(", ", corpus.languages()) + ")";
        }
        return null;
    }

    /**
     * Checks a list the user wrote: each element at {@code path[j]}, duplicates included; an empty list at
     * {@code path}.
     */
    static void explicit(List<String> languages, String path, Corpus corpus, List<Violation> out) {
        if (languages.isEmpty()) {
            out.add(new Violation(path, "must contain at least one language"));
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < languages.size(); j++) {
            String code = languages.get(j);
            String problem = problem(code, corpus);
            if (problem != null) {
                out.add(new Violation(path + "[" + j + "]", problem));
            } else if (!seen.add(code)) {
                out.add(new Violation(path + "[" + j + "]", "'" + code + "' is listed twice"));
            }
        }
    }

    /** Checks a default list the user did not write: every problem at {@code path}, naming the default. */
    static void defaulted(List<String> languages, String path, String defaultName, Corpus corpus,
            List<Violation> out) {
        for (String code : languages) {
            String problem = problem(code, corpus);
            if (problem != null) {
                out.add(new Violation(path, problem + "; it comes from the default (" + defaultName + "): set "
                        + path + " to languages the corpus has"));
            }
        }
    }
}
