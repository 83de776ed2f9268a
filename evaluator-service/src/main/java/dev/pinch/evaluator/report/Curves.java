package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.Metric;
import dev.pinch.evaluator.report.ExperimentReport.Curve;
import dev.pinch.evaluator.report.ExperimentReport.PairScore;
import dev.pinch.evaluator.report.ExperimentReport.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The paper's curves: the pinch sweep (seen and unseen averages), the language count, and bilingual pairs. */
final class Curves {

    private Curves() {
    }

    /** Pinch and seen-unseen sweeps: x is the multilingual share in percent (a count C sits at 100·C/budget). */
    static List<Curve> sweeps(List<CheckpointEvaluation> rows, List<String> languages, Metric metric) {
        List<Curve> curves = new ArrayList<>();
        byDesign(rows, Set.of("pinch", "seen-unseen")).forEach((design, sweepMixes) -> {
            CheckpointEvaluation first = sweepMixes.get(0);
            String base = first.design().params().getOrDefault("base", "en");
            Set<String> seen = seen(first);
            List<CheckpointEvaluation> mixes = withZeroPoint(sweepMixes, rows, base);
            curves.add(sweep(design, "base (" + base + ")", metric, mixes, base::equals));
            curves.add(sweep(design, "seen languages, without base", metric, mixes,
                    l -> seen.contains(l) && !l.equals(base)));
            if (languages.stream().anyMatch(l -> !seen.contains(l))) {
                curves.add(sweep(design, "unseen languages", metric, mixes, l -> !seen.contains(l)));
            }
        });
        curves.removeIf(c -> c.points().isEmpty());
        return curves;
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
        rows.stream().filter(e -> "monolingual".equals(e.design().type()) && List.of(base).equals(e.design().languages()))
                .findFirst().ifPresent(mixes::add);
        return mixes;
    }

    /** Language count: at each n, the mean over orderings of the mean over languages outside the ordering. */
    static List<Curve> languageCount(List<CheckpointEvaluation> rows, List<String> languages, Metric metric) {
        List<Curve> curves = new ArrayList<>();
        byDesign(rows, Set.of("language-count")).forEach((design, mixes) -> {
            Map<Integer, List<Double>> unseen = new TreeMap<>();
            Map<Integer, List<Double>> all = new TreeMap<>();
            for (CheckpointEvaluation e : mixes) {
                int n = Integer.parseInt(e.design().params().getOrDefault("n", "" + e.design().languages().size()));
                Set<String> order = Set.of(e.design().params().getOrDefault("order", "").split(","));
                average(e, languages, metric, l -> !order.contains(l))
                        .ifPresent(v -> unseen.computeIfAbsent(n, k -> new ArrayList<>()).add(v));
                average(e, languages, metric, l -> true).ifPresent(v -> all.computeIfAbsent(n, k -> new ArrayList<>()).add(v));
            }
            curves.add(new Curve(design, "unseen languages, mean over orderings", metric.key(), "tuning languages",
                    points(unseen)));
            curves.add(new Curve(design, "all languages, mean over orderings", metric.key(), "tuning languages",
                    points(all)));
        });
        curves.removeIf(c -> c.points().isEmpty());
        return curves;
    }

    static List<PairScore> pairs(List<CheckpointEvaluation> rows, List<String> languages, Metric metric) {
        List<PairScore> pairs = new ArrayList<>();
        for (CheckpointEvaluation e : rows) {
            if (!"bilingual-pairs".equals(e.design().type())) {
                continue;
            }
            List<String> pair = e.design().languages();
            List<String> others = languages.stream().filter(l -> !pair.contains(l)).toList();
            average(e, languages, metric, l -> !pair.contains(l)).ifPresent(v ->
                    pairs.add(new PairScore(e.mixName(), pair, metric.key(), v, others.size())));
        }
        return pairs;
    }

    static OptionalDouble average(CheckpointEvaluation e, List<String> languages, Metric metric,
            Predicate<String> which) {
        return Stats.mean(languages.stream().filter(which).map(l -> metric.of(ReportBuilder.score(e, l))).toList());
    }

    private static Curve sweep(String design, String series, Metric metric, List<CheckpointEvaluation> mixes,
            Predicate<String> which) {
        List<String> langs = mixes.stream().flatMap(e -> e.scores().stream().map(s -> s.lang())).distinct().toList();
        List<Point> points = new ArrayList<>();
        for (CheckpointEvaluation e : mixes) {
            average(e, langs, metric, which).ifPresent(y -> points.add(new Point(share(e), y, e.mixName())));
        }
        points.sort(Comparator.comparingDouble(Point::x));
        return new Curve(design, series, metric.key(), "multilingual share of the budget (%)", points);
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

    private static Set<String> seen(CheckpointEvaluation e) {
        String seen = e.design().params().get("seen");
        return seen == null ? Set.copyOf(e.design().languages()) : Set.of(seen.split(","));
    }

    private static List<Point> points(Map<Integer, List<Double>> byX) {
        return byX.entrySet().stream().map(en -> new Point(en.getKey(),
                Stats.mean(en.getValue()).orElseThrow(), "n=" + en.getKey())).toList();
    }

    private static Map<String, List<CheckpointEvaluation>> byDesign(List<CheckpointEvaluation> rows, Set<String> types) {
        Map<String, List<CheckpointEvaluation>> groups = new LinkedHashMap<>();
        rows.stream().filter(e -> types.contains(e.design().type()))
                .forEach(e -> groups.computeIfAbsent(e.design().name(), k -> new ArrayList<>()).add(e));
        return groups;
    }
}
