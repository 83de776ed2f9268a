package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.domain.Metric;
import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.evaluator.stats.Bootstrap;
import dev.pinch.evaluator.stats.Estimand;
import dev.pinch.evaluator.stats.Interval;
import dev.pinch.evaluator.stats.PromptData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An experiment's final evaluations grouped by mix, with each mix's seeds (training replicates), and every
 * estimate the report needs: the bootstrap over the per-prompt results, cached per (estimand, metric, null value).
 * Evaluations stored before per-prompt results were kept give the estimate from their stored cell scores, without an
 * interval.
 */
final class ReportData {

    private record Key(Estimand estimand, Metric metric, double nullValue) {
    }

    private final Map<String, List<CheckpointEvaluation>> byMix = new LinkedHashMap<>();
    private final Bootstrap bootstrap;
    private final Map<Key, Interval> cache = new HashMap<>();

    /** @param rows the evaluations, one per mix and seed, in report order */
    ReportData(List<CheckpointEvaluation> rows, Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
        rows.forEach(e -> byMix.computeIfAbsent(e.mixName(), k -> new ArrayList<>()).add(e));
        byMix.values().forEach(seeds -> seeds.sort(Comparator.comparing(e -> e.seed() == null ? 0 : e.seed())));
    }

    Bootstrap bootstrap() {
        return bootstrap;
    }

    /** One evaluation per mix (its first seed): what design, name and order are read from. */
    List<CheckpointEvaluation> rows() {
        return byMix.values().stream().map(List::getFirst).toList();
    }

    /** The evaluations of each seed of a mix. */
    List<CheckpointEvaluation> seeds(String mix) {
        return byMix.getOrDefault(mix, List.of());
    }

    /** The estimate of {@code estimand} on {@code metric}, with its p-value against {@code nullValue}; null: unmeasured. */
    Interval estimate(Estimand estimand, Metric metric, double nullValue) {
        Key key = new Key(estimand, metric, nullValue);
        if (!cache.containsKey(key)) {
            cache.put(key, bootstrap.estimate(estimand, data(metric), nullValue)
                    .orElseGet(() -> fromStoredScores(estimand, metric)));
        }
        return cache.get(key);
    }

    /** The estimate of one cell, or null. */
    Interval cell(String mix, String lang, Metric metric) {
        return estimate(Estimand.cell(mix, lang), metric, metric == Metric.SXS ? 50 : 0);
    }

    /** The per-prompt values of a metric, per mix, language and seed. */
    PromptData data(Metric metric) {
        return (mix, lang) -> {
            List<Map<String, Double>> replicates = new ArrayList<>();
            for (CheckpointEvaluation e : seeds(mix)) {
                LanguageScore s = score(e, lang);
                Map<String, Double> values = new LinkedHashMap<>();
                if (s != null) {
                    for (PromptResult r : s.results()) {
                        Double v = metric.of(r);
                        if (v != null) {
                            values.put(r.id(), v);
                        }
                    }
                }
                replicates.add(values);
            }
            return replicates;
        };
    }

    /** Without per-prompt results: the weighted mean of the stored cell scores (seeds averaged), no interval. */
    private Interval fromStoredScores(Estimand estimand, Metric metric) {
        double value = 0;
        int seeds = 0;
        for (Estimand.Term t : estimand.terms()) {
            List<CheckpointEvaluation> replicates = seeds(t.mix());
            if (replicates.isEmpty() || replicates.stream().anyMatch(e -> e.scores().stream()
                    .anyMatch(s -> !s.results().isEmpty() && t.languages().contains(s.lang())))) {
                return null; // per-prompt results exist: the bootstrap found the estimand unmeasured
            }
            double sum = 0;
            for (String lang : t.languages()) {
                List<Double> cells = replicates.stream().map(e -> metric.of(score(e, lang))).toList();
                if (cells.stream().anyMatch(Objects::isNull)) {
                    return null;
                }
                sum += cells.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            }
            value += t.weight() * sum / t.languages().size();
            seeds = Math.max(seeds, replicates.size());
        }
        return new Interval(value, null, null, null, 0, seeds, List.of());
    }

    static LanguageScore score(CheckpointEvaluation e, String lang) {
        return e.scores().stream().filter(s -> s.lang().equals(lang)).findFirst().orElse(null);
    }
}
