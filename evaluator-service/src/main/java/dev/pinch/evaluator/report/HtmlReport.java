package dev.pinch.evaluator.report;

import dev.pinch.evaluator.report.ExperimentReport.Matrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The report as one self-contained HTML page: the findings, the method, heatmap tables whose cells link to example
 * responses, comparisons, charts embedded as PNG (with SVG links), judge diagnostics and the examples.
 */
public final class HtmlReport {

    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:1200px}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 6px;"
            + "text-align:right;font-size:13px}th{background:#f4f4f4}td.n{color:#999}td a{color:inherit;"
            + "text-decoration:none}.note{color:#a60}.ci{color:#555;font-size:11px}.supported{color:#060}"
            + ".contradicted{color:#a00}.inconclusive,.not-addressed{color:#666}li{margin:.3em 0}"
            + "td.l,th.l{text-align:left}pre{white-space:pre-wrap;background:#f8f8f8;padding:4px;margin:2px 0}"
            + ".example{border-top:1px solid #ddd;padding:.5em 0}";

    private HtmlReport() {
    }

    /** @param chartBase URL prefix where {@code <name>.svg} and {@code <name>.png} are served */
    public static String render(ExperimentReport report, String chartBase) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Pinch report: ").append(esc(report.experimentId())).append("</title><style>")
                .append(STYLE).append("</style></head><body>")
                .append("<h1>Pinch report: ").append(esc(report.experimentId())).append("</h1>")
                .append("<p>Scores per tuning mix and eval language, as in Shaham et al. (2024). SxS is the paper's ")
                .append("side-by-side score against the model tuned monolingually in the eval language (50 = as good).")
                .append(" Every figure carries a 95% confidence interval; a cell's ± is half the interval's width.</p>");
        report.notes().forEach(n -> h.append("<p class=\"note\">").append(esc(n)).append("</p>"));
        HtmlSections.findings(h, report);
        HtmlSections.method(h, report.method());
        Map<String, Chart<?, ?>> charts = ReportCharts.of(report);
        for (Matrix m : report.matrices().values()) {
            if (m.values().stream().flatMap(List::stream).allMatch(v -> v == null)) {
                continue;
            }
            h.append("<h2 id=\"matrix-").append(esc(m.metric())).append("\">").append(esc(m.title())).append("</h2>");
            HtmlTables.heatmap(h, m, report.baseLanguage());
            chart(h, charts, ReportCharts.heatmapName(m.metric()), chartBase);
        }
        HtmlSections.comparisons(h, report.comparisons());
        section(h, "Pinch sweep", charts, "sweep-", chartBase);
        section(h, "Number of tuning languages", charts, "language-count-", chartBase);
        HtmlTables.pairs(h, report.bilingualPairs());
        HtmlTables.languageChecks(h, report);
        HtmlSections.diagnostics(h, report.judgeDiagnostics());
        HtmlTables.answerChecks(h, report.answerChecks());
        if (report.pretrainingCorrelation() != null) {
            var c = report.pretrainingCorrelation();
            h.append("<h2>Pretraining share vs cross-lingual score</h2><p>Pearson r = ")
                    .append(String.format(Locale.ROOT, "%.3f", c.pearson())).append(" over ").append(c.n())
                    .append(" languages (").append(esc(c.metric())).append("; the paper found r = 0.22).</p>");
        }
        HtmlSections.examples(h, report.examples());
        return h.append("</body></html>").toString();
    }

    private static void section(StringBuilder h, String title, Map<String, Chart<?, ?>> charts, String prefix,
            String base) {
        List<String> names = charts.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
        if (!names.isEmpty()) {
            h.append("<h2>").append(title).append("</h2><p>Whiskers: 95% confidence intervals.</p>");
            names.forEach(n -> chart(h, charts, n, base));
        }
    }

    private static void chart(StringBuilder h, Map<String, Chart<?, ?>> charts, String name, String base) {
        Chart<?, ?> chart = charts.get(name);
        if (chart == null) {
            return;
        }
        try {
            h.append("<figure><img alt=\"").append(esc(name)).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(ReportCharts.png(chart))).append("\">")
                    .append("<figcaption><a href=\"").append(esc(base + name)).append(".svg\">SVG</a> · <a href=\"")
                    .append(esc(base + name)).append(".png\">PNG</a></figcaption></figure>");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw chart " + name, e);
        }
    }

    /**
     * One table row of {@code tag} cells ({@code th} or {@code td}), already HTML; the columns whose indices are in
     * {@code left} are left-aligned, the others right-aligned (the style's default).
     */
    static void row(StringBuilder h, String tag, Set<Integer> left, String... cells) {
        h.append("<tr>");
        for (int i = 0; i < cells.length; i++) {
            h.append('<').append(tag).append(left.contains(i) ? " class=\"l\">" : ">").append(cells[i])
                    .append("</").append(tag).append('>');
        }
        h.append("</tr>");
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
