package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the report reads from a mix's design: its sweep share, base and seen languages, language-count position. */
final class Designs {

    private Designs() {
    }

    /** A sweep mix's multilingual share in percent; 0 for mixes of other designs. */
    static double share(CheckpointEvaluation e) {
        Map<String, String> p = e.design().params();
        if (!p.containsKey("percent") && !p.containsKey("count")) {
            return 0;
        }
        if (p.containsKey("percent")) {
            return Double.parseDouble(p.get("percent"));
        }
        return 100.0 * Double.parseDouble(p.getOrDefault("count", "0")) / Double.parseDouble(p.getOrDefault("budget", "1"));
    }

    /** A sweep's base language (en by default). */
    static String base(CheckpointEvaluation e) {
        return e.design().params().getOrDefault("base", "en");
    }

    /** The languages a sweep draws its multilingual examples from. */
    static Set<String> seen(CheckpointEvaluation e) {
        String seen = e.design().params().get("seen");
        return seen == null ? Set.copyOf(e.design().languages()) : Set.of(seen.split(","));
    }

    /** A language-count mix's number of tuning languages. */
    static int count(CheckpointEvaluation e) {
        return Integer.parseInt(e.design().params().getOrDefault("n", "" + e.design().languages().size()));
    }

    /** A language-count mix's whole ordering (the pool its languages come from). */
    static Set<String> ordering(CheckpointEvaluation e) {
        return Set.of(e.design().params().getOrDefault("order", "").split(","));
    }

    /** Whether the evaluation is of the monolingual model of {@code lang}. */
    static boolean monolingual(CheckpointEvaluation e, String lang) {
        return "monolingual".equals(e.design().type()) && List.of(lang).equals(e.design().languages());
    }

    /**
     * The sweep's mixes, plus the monolingual base-language model as its P = 0 point when the sweep has none: in
     * the paper P = 0 is the model tuned on the base language only, which is that model.
     */
    static List<CheckpointEvaluation> withZeroPoint(List<CheckpointEvaluation> sweep, List<CheckpointEvaluation> rows,
            String base) {
        if (sweep.stream().anyMatch(e -> share(e) == 0)) {
            return sweep;
        }
        List<CheckpointEvaluation> mixes = new ArrayList<>(sweep);
        rows.stream().filter(e -> monolingual(e, base)).findFirst().ifPresent(mixes::add);
        return mixes;
    }

    /** The sweep's P = 0 mix ({@link #withZeroPoint}), or null. */
    static CheckpointEvaluation zeroPoint(List<CheckpointEvaluation> sweep, List<CheckpointEvaluation> rows) {
        return withZeroPoint(sweep, rows, base(sweep.get(0))).stream().filter(e -> share(e) == 0).findFirst()
                .orElse(null);
    }

    /** Rows of the given design types, grouped by design name in order of first appearance. */
    static Map<String, List<CheckpointEvaluation>> byDesign(List<CheckpointEvaluation> rows, Set<String> types) {
        Map<String, List<CheckpointEvaluation>> groups = new LinkedHashMap<>();
        rows.stream().filter(e -> types.contains(e.design().type()))
                .forEach(e -> groups.computeIfAbsent(e.design().name(), k -> new ArrayList<>()).add(e));
        return groups;
    }

    /**
     * The paper's P = 1 point of a sweep: the mix at 1% ({@code pinch-p1}), else the smallest count mix at or under
     * 1% of the budget (the paper's 40 examples of 4,640, {@code pinch-n40}); null when the sweep has neither.
     */
    static CheckpointEvaluation pinchOne(List<CheckpointEvaluation> sweep) {
        return sweep.stream().filter(e -> e.design().params().containsKey("percent") && share(e) == 1).findFirst()
                .orElse(sweep.stream().filter(e -> e.design().params().containsKey("count"))
                        .filter(e -> share(e) > 0 && share(e) <= 1)
                        .min(java.util.Comparator.comparingDouble(Designs::share)).orElse(null));
    }

    /** The experiment's P = 100 mix: a sweep at 100%, else a multilingual (uniform) mix; null when there is none. */
    static CheckpointEvaluation pinchHundred(List<CheckpointEvaluation> rows) {
        return rows.stream().filter(e -> Set.of("pinch", "seen-unseen").contains(e.design().type()) && share(e) == 100
                        && !e.design().params().containsKey("count")).findFirst()
                .orElse(rows.stream().filter(e -> "multilingual".equals(e.design().type())).findFirst().orElse(null));
    }

    /** The monolingual mix of {@code lang}, or null. */
    static CheckpointEvaluation monolingual(List<CheckpointEvaluation> rows, String lang) {
        return rows.stream().filter(e -> monolingual(e, lang)).findFirst().orElse(null);
    }
}
