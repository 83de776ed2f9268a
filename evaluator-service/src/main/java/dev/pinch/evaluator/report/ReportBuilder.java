package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.domain.Metric;
import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.evaluator.report.ExperimentReport.CellExamples;
import dev.pinch.evaluator.report.ExperimentReport.Matrix;
import dev.pinch.evaluator.report.ExperimentReport.Method;
import dev.pinch.evaluator.stats.Bootstrap;
import dev.pinch.evaluator.stats.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns an experiment's checkpoint evaluations into its {@link ExperimentReport}. */
public final class ReportBuilder {

    private static final List<String> DESIGN_ORDER = List.of("base", "monolingual", "pinch", "multilingual",
            "seen-unseen", "language-count", "bilingual-pairs", "custom");

    private ReportBuilder() {
    }

    /** {@link #build(String, List, Map, Bootstrap)} with the default bootstrap (2,000 resamples, 95%, seed 1). */
    public static ExperimentReport build(String experimentId, List<CheckpointEvaluation> evaluations,
            Map<String, Double> pretrainingShares) {
        return build(experimentId, evaluations, pretrainingShares, new Bootstrap());
    }

    /**
     * @param evaluations one evaluation per mix and seed (the final checkpoints'); earlier checkpoints are ignored
     * @param pretrainingShares the base model's pretraining share per language, or an empty map
     */
    public static ExperimentReport build(String experimentId, List<CheckpointEvaluation> evaluations,
            Map<String, Double> pretrainingShares, Bootstrap bootstrap) {
        ReportData data = new ReportData(evaluations.stream()
                .sorted(Comparator.comparingInt((CheckpointEvaluation e) -> designRank(e.design().type()))
                        .thenComparing(e -> e.design().name())
                        .thenComparingDouble(Designs::share)
                        .thenComparing(CheckpointEvaluation::mixName))
                .toList(), bootstrap);
        List<CheckpointEvaluation> rows = data.rows();
        List<String> languages = new ArrayList<>(new TreeSet<>(evaluations.stream()
                .flatMap(e -> e.scores().stream().map(LanguageScore::lang)).toList()));
        String base = rows.stream().filter(e -> e.design().params().containsKey("base")).findFirst()
                .map(Designs::base).orElse("en");
        Map<String, Matrix> matrices = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            matrices.put(metric.key(), matrix(data, metric, languages, base));
        }
        List<String> tasks = taskNames(rows);
        if (tasks.size() > 1) {
            for (String task : tasks) {
                Metric metric = Metric.task(task);
                matrices.put(metric.key(), matrix(data, metric, languages, base));
            }
        }
        Metric primary = matrices.get(Metric.SXS.key()).values().stream().flatMap(List::stream)
                .anyMatch(v -> v != null) ? Metric.SXS : Metric.TASK;
        return new ExperimentReport(experimentId, languages, base, method(bootstrap), matrices,
                Findings.of(data, languages, primary), Comparisons.of(data, languages, primary),
                Curves.sweeps(data, languages, primary), Curves.languageCount(data, languages, primary),
                Curves.pairs(data, languages, primary), responseLanguageRates(matrices.get(Metric.LANGUAGE.key())),
                Diagnostics.of(data, languages), LabelAnswers.of(data, languages), examples(data, languages),
                Correlations.pretraining(data, languages, pretrainingShares, primary), notes(matrices, rows, languages));
    }

    static Method method(Bootstrap b) {
        return new Method("percentile bootstrap", b.level(), b.resamples(), b.seed(),
                "Prompts are resampled with replacement (prompt ids pooled across languages, so parallel prompts move"
                + " together); with several training seeds, seeds are resampled first, then prompts (two-stage)."
                + " Comparisons between mixes are paired: both mixes are scored on the same resampled prompts. The"
                + " interval is the 2.5th to 97.5th percentile of the resampled statistic. p-values are two-sided: for"
                + " a difference between mixes a paired sign-flip test (each prompt's difference keeps or flips its"
                + " sign at random), otherwise from inverting the percentile interval; Holm's correction is applied"
                + " within each family of languages. Generator: SplitMix64, every estimate starting from the same"
                + " seed. A finding is supported only when its interval clears the threshold and p < 0.05.");
    }

    static Matrix matrix(ReportData data, Metric metric, List<String> languages, String base) {
        List<List<Double>> values = new ArrayList<>();
        List<List<Interval>> intervals = new ArrayList<>();
        List<Interval> means = new ArrayList<>();
        List<Integer> seeds = new ArrayList<>();
        for (CheckpointEvaluation e : data.rows()) {
            List<Double> row = new ArrayList<>();
            List<Interval> cells = new ArrayList<>();
            for (String lang : languages) {
                Interval v = data.cell(e.mixName(), lang, metric);
                row.add(v == null ? null : v.value());
                cells.add(v);
            }
            values.add(row);
            intervals.add(cells);
            means.add(Curves.mean(data, e.mixName(), languages, metric, l -> !l.equals(base)));
            seeds.add(data.seeds(e.mixName()).size());
        }
        return new Matrix(metric.key(), metric.title(), data.rows().stream().map(CheckpointEvaluation::mixName).toList(),
                languages, values, intervals, means, seeds);
    }

    /** The tasks the prompts of these evaluations name, sorted: each gets its own task-score matrix. */
    static List<String> taskNames(List<CheckpointEvaluation> rows) {
        return new ArrayList<>(new TreeSet<>(rows.stream().flatMap(e -> e.scores().stream())
                .flatMap(s -> s.results().stream()).map(PromptResult::taskName).filter(t -> t != null).toList()));
    }

    /** The anchor id of a cell's examples in the HTML report. */
    public static String anchor(String mix, String lang) {
        return ("ex-" + mix + "-" + lang).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static List<CellExamples> examples(ReportData data, List<String> languages) {
        List<CellExamples> out = new ArrayList<>();
        for (CheckpointEvaluation e : data.rows()) {
            for (String lang : languages) {
                LanguageScore s = ReportData.score(e, lang);
                if (s != null && !s.examples().isEmpty()) {
                    out.add(new CellExamples(e.mixName(), lang, anchor(e.mixName(), lang), s.examples()));
                }
            }
        }
        return out;
    }

    private static Map<String, Double> responseLanguageRates(Matrix language) {
        Map<String, Double> rates = new TreeMap<>();
        for (int c = 0; c < language.columns().size(); c++) {
            int col = c;
            Stats.mean(language.values().stream().map(row -> row.get(col)).toList())
                    .ifPresent(mean -> rates.put(language.columns().get(col), mean));
        }
        return rates;
    }

    private static List<String> notes(Map<String, Matrix> matrices, List<CheckpointEvaluation> rows,
            List<String> languages) {
        List<String> notes = new ArrayList<>();
        Matrix sxs = matrices.get(Metric.SXS.key());
        for (int c = 0; c < languages.size(); c++) {
            int col = c;
            if (sxs.values().stream().allMatch(row -> row.get(col) == null)) {
                notes.add("no monolingual baseline for " + languages.get(c) + " in this experiment: its SxS score is"
                        + " not reported (add a monolingual design with " + languages.get(c) + ")");
            }
        }
        if (rows.isEmpty()) {
            notes.add("no checkpoint of this experiment has been evaluated yet");
        }
        if (rows.stream().anyMatch(e -> e.scores().stream().allMatch(s -> s.results().isEmpty()))) {
            notes.add("some evaluations were stored before per-prompt results were kept: their cells have no"
                    + " confidence interval (evaluate them again to get one)");
        }
        return notes;
    }

    private static int designRank(String type) {
        int i = DESIGN_ORDER.indexOf(type);
        return i < 0 ? DESIGN_ORDER.size() : i;
    }
}
