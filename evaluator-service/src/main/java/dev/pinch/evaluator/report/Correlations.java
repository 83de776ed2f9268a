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
    static Correlation pretraining(ReportData data, List<String> languages, Map<String, Double> shares,
            Metric metric) {
        if (shares == null || shares.isEmpty()) {
            return null;
        }
        Map<String, Double> crossLingual = new TreeMap<>();
        for (CheckpointEvaluation e : data.rows()) {
            List<String> tuned = e.design().languages();
            if (!"monolingual".equals(e.design().type()) || tuned.size() != 1 || !shares.containsKey(tuned.get(0))) {
                continue;
            }
            String lang = tuned.get(0);
            var v = Curves.mean(data, e.mixName(), languages, metric, l -> !l.equals(lang));
            if (v != null) {
                crossLingual.put(lang, v.value());
            }
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
