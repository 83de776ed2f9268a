package dev.pinch.evaluator.report;

import static dev.pinch.evaluator.report.HtmlReport.esc;
import static dev.pinch.evaluator.report.HtmlReport.num;
import static dev.pinch.evaluator.report.HtmlReport.row;

import dev.pinch.evaluator.domain.Example;
import dev.pinch.evaluator.judge.Verdict;
import dev.pinch.evaluator.report.ExperimentReport.CellExamples;
import dev.pinch.evaluator.report.ExperimentReport.Comparison;
import dev.pinch.evaluator.report.ExperimentReport.Finding;
import dev.pinch.evaluator.report.ExperimentReport.JudgeDiagnostics;
import dev.pinch.evaluator.report.ExperimentReport.Method;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
        h.append("<h2 id=\"comparisons\">Paired comparisons</h2><table>");
        row(h, "th", Set.of(0), "comparison", "metric", "difference", "95% CI", "p", "Holm p");
        for (Comparison c : comparisons) {
            var v = c.estimate();
            row(h, "td", Set.of(0), esc(c.label()), esc(c.metric()), String.format(Locale.ROOT, "%+.1f", v.value()),
                    v.low() == null ? "n/a" : "[" + num(v.low()) + ", " + num(v.high()) + "]", Text.p(v.p()),
                    Text.p(c.holmP()));
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
                .append(" kappa between this judge's and the second judge's outcomes.</p><table>");
        row(h, "th", Set.of(0), "mix", "lang", "judged", "order consistency", "position A", "ties", "kappa");
        for (JudgeDiagnostics d : diagnostics) {
            row(h, "td", Set.of(0), esc(d.mix()), esc(d.language()), Integer.toString(d.judged()),
                    percent(d.orderConsistency()), percent(d.positionA()), percent(d.tieRate()), d.kappa() == null
                            ? "n/a" : String.format(Locale.ROOT, "%.2f (%d)", d.kappa(), d.kappaPrompts()));
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
