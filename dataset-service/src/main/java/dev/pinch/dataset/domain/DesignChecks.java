package dev.pinch.dataset.domain;

import dev.pinch.events.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of one design of a spec; see {@link SpecValidator} for the whole list. */
final class DesignChecks {

    /** Design names become parts of mix names and artifact keys. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private DesignChecks() {
    }

    /**
     * Checks design {@code i}. {@code raw} is as posted, {@code d} normalised.
     *
     * @return whether the design takes the experiment's languages by default
     */
    static boolean check(int i, DesignSpec raw, DesignSpec d, int budget, Corpus corpus, List<Violation> out) {
        String path = "designs[" + i + "]";
        if (raw == null) {
            out.add(new Violation(path, "must not be null"));
            return false;
        }
        DesignType type = DesignType.parse(d.type()).orElse(null);
        if (type == null) {
            out.add(new Violation(path + ".type", (d.type() == null ? "is required" : "unknown design type '"
                    + d.type() + "'") + "; valid types: " + String.join(", ", DesignType.wireNames())));
            return false;
        }
        if (!NAME.matcher(d.name()).matches()) {
            out.add(new Violation(path + ".name", "must be 1 to 63 letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit; got '" + d.name() + "'"));
        }
        if (Replacement.parse(d.replacement()).isEmpty()) {
            out.add(new Violation(path + ".replacement", "unknown replacement '" + d.replacement()
                    + "'; valid: distinct-ids, same-ids"));
        }
        boolean usesExperimentLanguages = false;
        if (type != DesignType.CUSTOM) {
            if (raw.languages() != null) {
                LanguageChecks.explicit(raw.languages(), path + ".languages", corpus, out);
            } else if (type == DesignType.SEEN_UNSEEN || type == DesignType.LANGUAGE_COUNT) {
                LanguageChecks.defaulted(Languages.PAPER_SEEN, path + ".languages",
                        "the paper's seen languages " + String.join(", ", Languages.PAPER_SEEN), corpus, out);
            } else {
                usesExperimentLanguages = true;
            }
        }
        switch (type) {
            case PINCH, SEEN_UNSEEN -> sweep(path, d, budget, corpus, out);
            case LANGUAGE_COUNT -> {
                int n = new HashSet<>(d.languages()).size();
                long distinct = permutations(n);
                if (d.orderings() < 1) {
                    out.add(new Violation(path + ".orderings", "must be at least 1, got " + d.orderings()));
                } else if (d.orderings() > distinct) {
                    out.add(new Violation(path + ".orderings", "there are only " + distinct + " distinct orderings of "
                            + n + " languages, got " + d.orderings()));
                }
            }
            case BILINGUAL_PAIRS -> {
                if (d.languages().size() % 2 != 0) {
                    out.add(new Violation(path + ".languages", "bilingual-pairs needs an even number of languages"
                            + " to pair them all, got " + d.languages().size()));
                }
            }
            case CUSTOM -> custom(path, d, corpus, out);
            default -> {
            }
        }
        return usesExperimentLanguages;
    }

    private static void sweep(String path, DesignSpec d, int budget, Corpus corpus, List<Violation> out) {
        String baseProblem = LanguageChecks.problem(d.baseLanguage(), corpus);
        if (baseProblem != null) {
            out.add(new Violation(path + ".baseLanguage", baseProblem));
        }
        if (d.percents().isEmpty() && d.multilingualCounts().isEmpty()) {
            out.add(new Violation(path + ".percents", "the design has no mixes: give percents and/or"
                    + " multilingualCounts (or neither, for the paper's sweep)"));
        }
        Set<String> percents = new HashSet<>();
        for (int j = 0; j < d.percents().size(); j++) {
            Double p = d.percents().get(j);
            String at = path + ".percents[" + j + "]";
            if (p == null) {
                out.add(new Violation(at, "must not be null"));
            } else if (!Double.isFinite(p) || p < 0 || p > 100) {
                out.add(new Violation(at, "must be between 0 and 100, got " + p));
            } else if (!percents.add(Allocation.formatPercent(p))) {
                out.add(new Violation(at, "percent " + Allocation.formatPercent(p) + " is listed twice"));
            }
        }
        boolean hasOthers = d.languages().stream().anyMatch(l -> l != null && !l.equals(d.baseLanguage()));
        Set<Integer> counts = new HashSet<>();
        for (int j = 0; j < d.multilingualCounts().size(); j++) {
            Integer c = d.multilingualCounts().get(j);
            String at = path + ".multilingualCounts[" + j + "]";
            if (c == null) {
                out.add(new Violation(at, "must not be null"));
            } else if (c < 1) {
                out.add(new Violation(at, "must be at least 1, got " + c));
            } else if (c > budget) {
                out.add(new Violation(at, "must not exceed the budget (" + budget + "), got " + c));
            } else if (!hasOthers) {
                out.add(new Violation(at, "there is no language besides the base language '" + d.baseLanguage()
                        + "' to split " + c + " examples over"));
            } else if (!counts.add(c)) {
                out.add(new Violation(at, "count " + c + " is listed twice"));
            }
        }
    }

    private static void custom(String path, DesignSpec d, Corpus corpus, List<Violation> out) {
        Map<String, Integer> counts = d.counts();
        if (counts == null || counts.isEmpty()) {
            out.add(new Violation(path + ".counts", "a custom design needs counts: examples per language"));
            return;
        }
        long total = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String at = path + ".counts." + e.getKey();
            String problem = LanguageChecks.problem(e.getKey(), corpus);
            if (problem != null) {
                out.add(new Violation(at, problem));
            }
            if (e.getValue() == null || e.getValue() < 0) {
                out.add(new Violation(at, "must be a count of at least 0, got " + e.getValue()));
            } else {
                total += e.getValue();
            }
        }
        if (total == 0) {
            out.add(new Violation(path + ".counts", "must give at least one example in all"));
        }
    }

    /** n!, capped at Long.MAX_VALUE. */
    static long permutations(int n) {
        long f = 1;
        for (int k = 2; k <= n; k++) {
            if (f > Long.MAX_VALUE / k) {
                return Long.MAX_VALUE;
            }
            f *= k;
        }
        return f;
    }
}
