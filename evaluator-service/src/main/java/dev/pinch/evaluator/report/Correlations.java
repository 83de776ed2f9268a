package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.Metric;
import dev.pinch.evaluator.report.ExperimentReport.Correlation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The paper's §4.2: does a language's pretraining share predict how well tuning on it transfers? */
final class Correlations {

    private Correlations() {
    }

    /** Null when no shares were given or fewer than 3 monolingual models have both a share and scores. */
    static Correlation pretraining(List<CheckpointEvaluation> rows, Map<String, Double> shares, Metric metric) {
        if (shares == null || shares.isEmpty()) {
            return null;
        }
        List<String> languages = rows.stream().flatMap(e -> e.scores().stream().map(s -> s.lang())).distinct().toList();
        Map<String, Double> crossLingual = new TreeMap<>();
        for (CheckpointEvaluation e : rows) {
            List<String> tuned = e.design().languages();
            if (!"monolingual".equals(e.design().type()) || tuned.size() != 1 || !shares.containsKey(tuned.get(0))) {
                continue;
            }
            String lang = tuned.get(0);
            Curves.average(e, languages, metric, l -> !l.equals(lang)).ifPresent(v -> crossLingual.put(lang, v));
        }
        if (crossLingual.size() < 3) {
            return null;
        }
        double[] x = crossLingual.keySet().stream().mapToDouble(shares::get).toArray();
        double[] y = crossLingual.values().stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Double> usedShares = new TreeMap<>();
        crossLingual.keySet().forEach(l -> usedShares.put(l, shares.get(l)));
        return new Correlation(metric.key(), usedShares, crossLingual, Stats.pearson(x, y), x.length);
    }
}
