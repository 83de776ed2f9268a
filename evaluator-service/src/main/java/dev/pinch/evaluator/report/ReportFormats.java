package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.Metric;
import dev.pinch.evaluator.report.ExperimentReport.Matrix;
import dev.pinch.evaluator.stats.Interval;
import java.util.Locale;

/**
 * CSV rendering of a report, one measured value per row with its 95% interval (low, high), p-value (against 50 for an
 * SxS cell, 0 for other cells and for differences; empty where not applicable), prompts and seeds, ready for pandas.
 */
public final class ReportFormats {

    public static final String CSV_HEADER = "section,design,row,column,metric,value,low,high,p,prompts,seeds";

    private ReportFormats() {
    }

    public static String csv(ExperimentReport report) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (Matrix m : report.matrices().values()) {
            for (int r = 0; r < m.rows().size(); r++) {
                for (int c = 0; c < m.columns().size(); c++) {
                    Interval v = m.intervals().get(r).get(c);
                    if (v != null) {
                        row(out, "matrix", "", m.rows().get(r), m.columns().get(c), m.metric(), v);
                    }
                }
            }
        }
        report.findings().stream().filter(f -> f.estimate() != null).forEach(f ->
                row(out, "finding", f.verdict().label(), f.key(), "threshold " + f.threshold(), "", f.estimate()));
        report.comparisons().forEach(c -> row(out, "comparison", c.family(), c.label(),
                String.join(" ", c.languages()), c.metric(), c.estimate()));
        report.answerChecks().stream().filter(a -> a.overConstant() != null).forEach(a -> row(out, "answers",
                a.reading(), a.mix(), a.language(), Metric.TASK_PREFIX + a.task() + " - always " + a.constantAnswer(),
                a.overConstant()));
        report.sweepCurves().forEach(curve -> curve.points().forEach(p -> row(out, "sweep", curve.design(),
                p.label(), curve.series(), curve.metric(), p.y(), p.low(), p.high())));
        report.languageCountCurves().forEach(curve -> curve.points().forEach(p -> row(out, "language-count",
                curve.design(), p.label(), curve.series(), curve.metric(), p.y(), p.low(), p.high())));
        report.bilingualPairs().forEach(p ->
                row(out, "bilingual-pair", "", p.mix(), "other languages", p.metric(), p.otherLanguagesAverage()));
        report.responseLanguageRates().forEach((lang, rate) ->
                row(out, "response-language", "", "all mixes", lang, "language", rate));
        if (report.pretrainingCorrelation() != null) {
            row(out, "pretraining-correlation", "", "pearson", "", report.pretrainingCorrelation().metric(),
                    report.pretrainingCorrelation().pearson());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String section, String design, String row, String column,
            String metric, Interval v) {
        out.append(String.join(",", quote(section), quote(design), quote(row), quote(column), quote(metric),
                number(v.value()), number(v.low()), number(v.high()), number(v.p()), "" + v.prompts(), "" + v.seeds()))
                .append('\n');
    }

    private static void row(StringBuilder out, String section, String design, String row, String column,
            String metric, double value, Double low, Double high) {
        out.append(String.join(",", quote(section), quote(design), quote(row), quote(column), quote(metric),
                number(value), number(low), number(high), "", "", "")).append('\n');
    }

    private static void row(StringBuilder out, String section, String design, String row, String column,
            String metric, double value) {
        row(out, section, design, row, column, metric, value, null, null);
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
