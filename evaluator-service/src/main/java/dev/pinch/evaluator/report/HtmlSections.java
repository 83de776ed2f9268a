package dev.pinch.evaluator.report;

import static dev.pinch.evaluator.report.HtmlReport.esc;
import static dev.pinch.evaluator.report.HtmlReport.num;

import dev.pinch.evaluator.domain.Example;
import dev.pinch.evaluator.judge.Verdict;
import dev.pinch.evaluator.report.ExperimentReport.CellExamples;
import dev.pinch.evaluator.report.ExperimentReport.Comparison;
import dev.pinch.evaluator.report.ExperimentReport.Finding;
import dev.pinch.evaluator.report.ExperimentReport.JudgeDiagnostics;
import dev.pinch.evaluator.report.ExperimentReport.Method;
import java.util.List;
import java.util.Locale;

/** The report's prose sections: findings, method, comparisons, judge diagnostics and example responses. */
final class HtmlSections {

    private HtmlSections() {
    }

    static void findings(StringBuilder h, ExperimentReport report) {
        h.append("<h2 id=\"findings\">Findings</h2><p>Each of the paper's findings that this experiment's designs can")
                .append(" test: ✔ supported when the whole 95% interval lies on the paper's side of the threshold and")
                .append(" p &lt; 0.05, ✘ contradicted when both hold on the other side, inconclusive otherwise.</p><ul>");
        for (Finding f : report.findings()) {
            String css = f.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
            h.append("<li class=\"finding ").append(css).append("\"><b class=\"").append(css).append("\">")
                    .append(esc(f.verdict().label())).append("</b> ").append(esc(f.claim())).append("<br><span>")
                    .append(esc(f.statistic())).append("</span>");
            if (f.verdict() != ExperimentReport.Verdict.NOT_ADDRESSED && !f.details().isEmpty()) {
                h.append("<ul>");
                f.details().forEach(d -> h.append("<li class=\"ci\">").append(esc(d)).append("</li>"));
                h.append("</ul>");
            }
            h.append("</li>");
        }
        h.append("</ul>");
    }

    static void method(StringBuilder h, Method m) {
        h.append("<h2 id=\"method\">How the intervals were computed</h2><p>").append(esc(m.name())).append(", ")
                .append(m.resamples()).append(" resamples, ").append(Math.round(100 * m.level()))
                .append("% level, seed ").append(m.seed()).append(". ").append(esc(m.description())).append("</p>");
    }

    static void comparisons(StringBuilder h, List<Comparison> comparisons) {
        if (comparisons.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"comparisons\">Paired comparisons</h2><table><tr><th class=\"l\">comparison</th>")
                .append("<th>metric</th><th>difference</th><th>95% CI</th><th>p</th><th>Holm p</th></tr>");
        for (Comparison c : comparisons) {
            var v = c.estimate();
            h.append("<tr><td class=\"l\">").append(esc(c.label())).append("</td><td>").append(esc(c.metric()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%+.1f", v.value())).append("</td><td>")
                    .append(v.low() == null ? "n/a" : "[" + num(v.low()) + ", " + num(v.high()) + "]")
                    .append("</td><td>").append(Text.p(v.p())).append("</td><td>").append(Text.p(c.holmP()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    static void diagnostics(StringBuilder h, List<JudgeDiagnostics> diagnostics) {
        if (diagnostics.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"judge\">Judge diagnostics</h2><p>Order consistency: share of prompts whose two verdicts")
                .append(" (swapped order) prefer the same response. Position A: share of decisive verdicts for the")
                .append(" first position (50% = no position bias). Ties: share of prompts scored 0.5. Kappa: Cohen's")
                .append(" kappa between this judge's and the second judge's outcomes.</p><table><tr>")
                .append("<th class=\"l\">mix</th><th>lang</th><th>judged</th><th>order consistency</th>")
                .append("<th>position A</th><th>ties</th><th>kappa</th></tr>");
        for (JudgeDiagnostics d : diagnostics) {
            h.append("<tr><td class=\"l\">").append(esc(d.mix())).append("</td><td>").append(esc(d.language()))
                    .append("</td><td>").append(d.judged()).append("</td><td>").append(percent(d.orderConsistency()))
                    .append("</td><td>").append(percent(d.positionA())).append("</td><td>")
                    .append(percent(d.tieRate())).append("</td><td>").append(d.kappa() == null ? "n/a"
                            : String.format(Locale.ROOT, "%.2f (%d)", d.kappa(), d.kappaPrompts()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    static void examples(StringBuilder h, List<CellExamples> cells) {
        if (cells.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"examples\">Example responses</h2>");
        for (CellExamples cell : cells) {
            h.append("<section id=\"").append(cell.anchor()).append("\"><h3>").append(esc(cell.mix())).append(" in ")
                    .append(esc(cell.language())).append("</h3>");
            for (Example e : cell.examples()) {
                h.append("<div class=\"example\"><b>").append(esc(e.id())).append("</b>")
                        .append(e.outcome() == null ? "" : " — SxS " + esc(e.outcome().name().toLowerCase(Locale.ROOT)))
                        .append(block("instruction", e.instruction())).append(block("reference", e.reference()))
                        .append(block("response", e.response())).append(block("baseline response", e.baselineResponse()))
                        .append(verdict("verdict, response first", e.candidateFirst()))
                        .append(verdict("verdict, baseline first", e.baselineFirst())).append("</div>");
            }
            h.append("<p><a href=\"#findings\">back to the findings</a></p></section>");
        }
    }

    private static String block(String label, String text) {
        return text == null ? "" : "<div class=\"ci\">" + label + "</div><pre>" + esc(text) + "</pre>";
    }

    private static String verdict(String label, Verdict v) {
        return v == null ? "" : "<div class=\"ci\">" + label + ": " + v.choice() + (v.rationale() == null ? ""
                : " — " + esc(v.rationale())) + "</div>";
    }

    private static String percent(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
