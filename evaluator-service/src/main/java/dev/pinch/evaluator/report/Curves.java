package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.Metric;
import dev.pinch.evaluator.report.ExperimentReport.Curve;
import dev.pinch.evaluator.report.ExperimentReport.PairScore;
import dev.pinch.evaluator.report.ExperimentReport.Point;
import dev.pinch.evaluator.stats.Estimand;
import dev.pinch.evaluator.stats.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The paper's curves: the pinch sweep (seen and unseen averages), the language count, and bilingual pairs. Every
 * point is a bootstrap estimate with its interval (the whiskers on the charts).
 */
final class Curves {

    private Curves() {
    }

    /** Pinch and seen-unseen sweeps: x is the multilingual share in percent (a count C sits at 100·C/budget). */
    static List<Curve> sweeps(ReportData data, List<String> languages, Metric metric) {
        List<Curve> curves = new ArrayList<>();
        Designs.byDesign(data.rows(), Set.of("pinch", "seen-unseen")).forEach((design, sweepMixes) -> {
            String base = Designs.base(sweepMixes.get(0));
            Set<String> seen = Designs.seen(sweepMixes.get(0));
            List<CheckpointEvaluation> mixes = Designs.withZeroPoint(sweepMixes, data.rows(), base);
            curves.add(sweep(data, languages, design, "base (" + base + ")", metric, mixes, base::equals));
            curves.add(sweep(data, languages, design, "seen languages, without base", metric, mixes,
                    l -> seen.contains(l) && !l.equals(base)));
            if (languages.stream().anyMatch(l -> !seen.contains(l))) {
                curves.add(sweep(data, languages, design, "unseen languages", metric, mixes, l -> !seen.contains(l)));
            }
        });
        curves.removeIf(c -> c.points().isEmpty());
        return curves;
    }

    /** Language count: at each n, the mean over orderings of the mean over languages outside the ordering. */
    static List<Curve> languageCount(ReportData data, List<String> languages, Metric metric) {
        List<Curve> curves = new ArrayList<>();
        Designs.byDesign(data.rows(), Set.of("language-count")).forEach((design, mixes) -> {
            curves.add(new Curve(design, "unseen languages, mean over orderings", metric.key(), "tuning languages",
                    countPoints(data, languages, metric, mixes, true)));
            curves.add(new Curve(design, "all languages, mean over orderings", metric.key(), "tuning languages",
                    countPoints(data, languages, metric, mixes, false)));
        });
        curves.removeIf(c -> c.points().isEmpty());
        return curves;
    }

    /** The mean over orderings at {@code n} of each ordering's mean on unseen (or all) languages; null: unmeasured. */
    static Estimand languageCountAt(ReportData data, List<String> languages, Metric metric,
            List<CheckpointEvaluation> mixes, int n, boolean unseenOnly) {
        List<Estimand.Term> terms = new ArrayList<>();
        List<CheckpointEvaluation> atN = mixes.stream().filter(e -> Designs.count(e) == n).toList();
        for (CheckpointEvaluation e : atN) {
            Set<String> order = Designs.ordering(e);
            List<String> langs = measured(data, e.mixName(), languages, metric, l -> !unseenOnly || !order.contains(l));
            if (!langs.isEmpty()) {
                terms.add(new Estimand.Term(1.0 / atN.size(), e.mixName(), langs));
            }
        }
        return terms.size() == atN.size() && !terms.isEmpty() ? new Estimand(terms) : null;
    }

    static List<PairScore> pairs(ReportData data, List<String> languages, Metric metric) {
        List<PairScore> pairs = new ArrayList<>();
        for (CheckpointEvaluation e : data.rows()) {
            if (!"bilingual-pairs".equals(e.design().type())) {
                continue;
            }
            List<String> pair = e.design().languages();
            List<String> others = languages.stream().filter(l -> !pair.contains(l)).toList();
            Interval v = mean(data, e.mixName(), languages, metric, l -> !pair.contains(l));
            if (v != null) {
                pairs.add(new PairScore(e.mixName(), pair, metric.key(), v.value(), others.size()));
            }
        }
        return pairs;
    }

    /** The mix's mean over the languages {@code which} accepts and the metric measured; null when there are none. */
    static Interval mean(ReportData data, String mix, List<String> languages, Metric metric, Predicate<String> which) {
        List<String> langs = measured(data, mix, languages, metric, which);
        return langs.isEmpty() ? null : data.estimate(Estimand.mean(mix, langs), metric, 0);
    }

    /** The languages {@code which} accepts in which the mix's metric was measured. */
    static List<String> measured(ReportData data, String mix, List<String> languages, Metric metric,
            Predicate<String> which) {
        return languages.stream().filter(which).filter(l -> data.cell(mix, l, metric) != null).toList();
    }

    private static Curve sweep(ReportData data, List<String> languages, String design, String series, Metric metric,
            List<CheckpointEvaluation> mixes, Predicate<String> which) {
        List<Point> points = new ArrayList<>();
        for (CheckpointEvaluation e : mixes) {
            Interval y = mean(data, e.mixName(), languages, metric, which);
            if (y != null) {
                points.add(new Point(Designs.share(e), y.value(), e.mixName(), y.low(), y.high()));
            }
        }
        points.sort(Comparator.comparingDouble(Point::x));
        return new Curve(design, series, metric.key(), "multilingual share of the budget (%)", points);
    }

    private static List<Point> countPoints(ReportData data, List<String> languages, Metric metric,
            List<CheckpointEvaluation> mixes, boolean unseenOnly) {
        Map<Integer, Interval> byN = new TreeMap<>();
        mixes.stream().map(Designs::count).distinct().forEach(n -> {
            Estimand e = languageCountAt(data, languages, metric, mixes, n, unseenOnly);
            Interval v = e == null ? null : data.estimate(e, metric, 0);
            if (v != null) {
                byN.put(n, v);
            }
        });
        return byN.entrySet().stream().map(en -> new Point(en.getKey(), en.getValue().value(), "n=" + en.getKey(),
                en.getValue().low(), en.getValue().high())).toList();
    }
}
