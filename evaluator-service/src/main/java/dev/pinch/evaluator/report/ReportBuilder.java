package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.domain.Metric;
import dev.pinch.evaluator.report.ExperimentReport.Matrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns an experiment's checkpoint evaluations into its {@link ExperimentReport}. */
public final class ReportBuilder {

    private static final List<String> DESIGN_ORDER = List.of("monolingual", "pinch", "multilingual", "seen-unseen",
            "language-count", "bilingual-pairs", "custom");

    private ReportBuilder() {
    }

    /**
     * @param evaluations one evaluation per mix (the final checkpoint's); earlier checkpoints are ignored
     * @param pretrainingShares the base model's pretraining share per language, or an empty map
     */
    public static ExperimentReport build(String experimentId, List<CheckpointEvaluation> evaluations,
            Map<String, Double> pretrainingShares) {
        List<CheckpointEvaluation> rows = evaluations.stream()
                .sorted(Comparator.comparingInt((CheckpointEvaluation e) -> designRank(e.design().type()))
                        .thenComparing(e -> e.design().name())
                        .thenComparingDouble(Curves::share)
                        .thenComparing(CheckpointEvaluation::mixName))
                .toList();
        List<String> languages = new ArrayList<>(new TreeSet<>(rows.stream()
                .flatMap(e -> e.scores().stream().map(LanguageScore::lang)).toList()));
        Map<String, Matrix> matrices = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            matrices.put(metric.key(), matrix(metric, rows, languages));
        }
        Metric primary = hasAny(rows, Metric.SXS) ? Metric.SXS : Metric.TASK;
        return new ExperimentReport(experimentId, languages, matrices,
                Curves.sweeps(rows, languages, primary), Curves.languageCount(rows, languages, primary),
                Curves.pairs(rows, languages, primary), responseLanguageRates(rows, languages),
                Correlations.pretraining(rows, pretrainingShares, primary), notes(rows, languages));
    }

    static Matrix matrix(Metric metric, List<CheckpointEvaluation> rows, List<String> languages) {
        List<List<Double>> values = new ArrayList<>();
        for (CheckpointEvaluation e : rows) {
            List<Double> row = new ArrayList<>();
            for (String lang : languages) {
                row.add(metric.of(score(e, lang)));
            }
            values.add(row);
        }
        return new Matrix(metric.key(), metric.title(), rows.stream().map(CheckpointEvaluation::mixName).toList(),
                languages, values);
    }

    static LanguageScore score(CheckpointEvaluation e, String lang) {
        return e.scores().stream().filter(s -> s.lang().equals(lang)).findFirst().orElse(null);
    }

    private static Map<String, Double> responseLanguageRates(List<CheckpointEvaluation> rows, List<String> languages) {
        Map<String, Double> rates = new TreeMap<>();
        for (String lang : languages) {
            Stats.mean(rows.stream().map(e -> Metric.LANGUAGE.of(score(e, lang))).toList())
                    .ifPresent(mean -> rates.put(lang, mean));
        }
        return rates;
    }

    private static List<String> notes(List<CheckpointEvaluation> rows, List<String> languages) {
        List<String> notes = new ArrayList<>();
        for (String lang : languages) {
            boolean scored = rows.stream().anyMatch(e -> Metric.SXS.of(score(e, lang)) != null);
            if (!scored) {
                notes.add("no monolingual baseline for " + lang + " in this experiment: its SxS score is not reported"
                        + " (add a monolingual design with " + lang + ")");
            }
        }
        if (rows.isEmpty()) {
            notes.add("no checkpoint of this experiment has been evaluated yet");
        }
        return notes;
    }

    private static boolean hasAny(List<CheckpointEvaluation> rows, Metric metric) {
        return rows.stream().flatMap(e -> e.scores().stream()).anyMatch(s -> metric.of(s) != null);
    }

    private static int designRank(String type) {
        int i = DESIGN_ORDER.indexOf(type);
        return i < 0 ? DESIGN_ORDER.size() : i;
    }
}
