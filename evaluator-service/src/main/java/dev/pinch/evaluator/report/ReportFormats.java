package dev.pinch.evaluator.report;

import dev.pinch.evaluator.report.ExperimentReport.Matrix;
import java.util.Locale;

/** CSV rendering of a report, one measured value per row, ready for pandas or a spreadsheet. */
public final class ReportFormats {

    public static final String CSV_HEADER = "section,design,row,column,metric,value";

    private ReportFormats() {
    }

    public static String csv(ExperimentReport report) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (Matrix m : report.matrices().values()) {
            for (int r = 0; r < m.rows().size(); r++) {
                for (int c = 0; c < m.columns().size(); c++) {
                    Double v = m.values().get(r).get(c);
                    if (v != null) {
                        row(out, "matrix", "", m.rows().get(r), m.columns().get(c), m.metric(), v);
                    }
                }
            }
        }
        report.sweepCurves().forEach(curve -> curve.points().forEach(p ->
                row(out, "sweep", curve.design(), p.label(), curve.series(), curve.metric(), p.y())));
        report.languageCountCurves().forEach(curve -> curve.points().forEach(p ->
                row(out, "language-count", curve.design(), p.label(), curve.series(), curve.metric(), p.y())));
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
            String metric, double value) {
        out.append(String.join(",", quote(section), quote(design), quote(row), quote(column), quote(metric),
                String.format(Locale.ROOT, "%.4f", value))).append('\n');
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
