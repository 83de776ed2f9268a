package dev.pinch.evaluator.report;

import dev.pinch.evaluator.report.ExperimentReport.Matrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;

/** The report as one self-contained HTML page: tables, and the charts embedded as PNG (with SVG links). */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** @param chartBase URL prefix where {@code <name>.svg} and {@code <name>.png} are served */
    public static String render(ExperimentReport report, String chartBase) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Pinch report: ").append(esc(report.experimentId())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:right;font-size:13px}")
                .append("th{background:#f4f4f4}td.n{color:#999}.note{color:#a60}</style></head><body>")
                .append("<h1>Pinch report: ").append(esc(report.experimentId())).append("</h1>")
                .append("<p>Scores per tuning mix and eval language, as in Shaham et al. (2024). SxS is the paper's ")
                .append("side-by-side score against the model tuned monolingually in the eval language (50 = as good).</p>");
        report.notes().forEach(n -> h.append("<p class=\"note\">").append(esc(n)).append("</p>"));
        Map<String, Chart<?, ?>> charts = ReportCharts.of(report);
        for (Matrix m : report.matrices().values()) {
            h.append("<h2>").append(esc(m.title())).append("</h2>");
            chart(h, charts, "heatmap-" + m.metric(), chartBase);
            table(h, m);
        }
        section(h, "Pinch sweep", charts, "sweep-", chartBase);
        section(h, "Number of tuning languages", charts, "language-count-", chartBase);
        if (!report.bilingualPairs().isEmpty()) {
            h.append("<h2>Bilingual pairs</h2><table><tr><th>mix</th><th>pair</th><th>mean on other languages</th></tr>");
            report.bilingualPairs().forEach(p -> h.append("<tr><td>").append(esc(p.mix())).append("</td><td>")
                    .append(esc(String.join("+", p.pair()))).append("</td><td>").append(num(p.otherLanguagesAverage()))
                    .append("</td></tr>"));
            h.append("</table>");
        }
        h.append("<h2>Responses in the prompt's language</h2><table><tr>");
        report.responseLanguageRates().keySet().forEach(l -> h.append("<th>").append(esc(l)).append("</th>"));
        h.append("</tr><tr>");
        report.responseLanguageRates().values().forEach(v -> h.append("<td>").append(num(v)).append("%</td>"));
        h.append("</tr></table>");
        if (report.pretrainingCorrelation() != null) {
            var c = report.pretrainingCorrelation();
            h.append("<h2>Pretraining share vs cross-lingual score</h2><p>Pearson r = ")
                    .append(String.format(Locale.ROOT, "%.3f", c.pearson())).append(" over ").append(c.n())
                    .append(" languages (").append(esc(c.metric())).append("; the paper found r = 0.22).</p>");
        }
        return h.append("</body></html>").toString();
    }

    private static void section(StringBuilder h, String title, Map<String, Chart<?, ?>> charts, String prefix,
            String base) {
        List<String> names = charts.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
        if (!names.isEmpty()) {
            h.append("<h2>").append(title).append("</h2>");
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

    private static void table(StringBuilder h, Matrix m) {
        h.append("<table><tr><th>mix \\ eval</th>");
        m.columns().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>");
        for (int r = 0; r < m.rows().size(); r++) {
            h.append("<tr><th>").append(esc(m.rows().get(r))).append("</th>");
            for (Double v : m.values().get(r)) {
                h.append(v == null ? "<td class=\"n\">n/a</td>" : "<td>" + num(v) + "</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
