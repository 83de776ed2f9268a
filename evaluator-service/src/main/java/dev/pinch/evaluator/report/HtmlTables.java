package dev.pinch.evaluator.report;

import static dev.pinch.evaluator.report.HtmlReport.esc;
import static dev.pinch.evaluator.report.HtmlReport.num;
import static dev.pinch.evaluator.report.HtmlReport.row;

import dev.pinch.evaluator.domain.Metric;
import dev.pinch.evaluator.report.ExperimentReport.Matrix;
import dev.pinch.evaluator.report.ExperimentReport.PairScore;
import dev.pinch.evaluator.stats.Interval;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report's tables: heatmap matrices (cells link to their examples), bilingual pairs, language checks, answers to
 * classification tasks.
 */
final class HtmlTables {

    private HtmlTables() {
    }

    /** A matrix as a coloured table: value ± half the interval, the interval and seeds on hover, a link per cell. */
    static void heatmap(StringBuilder h, Matrix m, String base) {
        h.append("<table class=\"heatmap\"><tr><th class=\"l\">mix \\ eval</th>");
        m.columns().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("<th>non-").append(esc(base)).append(" mean</th></tr>");
        for (int r = 0; r < m.rows().size(); r++) {
            String mix = m.rows().get(r);
            h.append("<tr><th class=\"l\">").append(esc(mix))
                    .append(m.seeds().get(r) > 1 ? " (" + m.seeds().get(r) + " seeds)" : "").append("</th>");
            for (int c = 0; c < m.columns().size(); c++) {
                Interval v = m.intervals().get(r).get(c);
                if (v == null) {
                    h.append("<td class=\"n\">n/a</td>");
                    continue;
                }
                h.append("<td style=\"background:").append(colour(v.value())).append("\" title=\"")
                        .append(esc(hover(v))).append("\"><a href=\"#")
                        .append(ReportBuilder.anchor(mix, m.columns().get(c))).append("\">").append(cell(v))
                        .append("</a></td>");
            }
            Interval mean = m.nonBaseMeans().get(r);
            h.append(mean == null ? "<td class=\"n\">n/a</td>" : "<td title=\"" + esc(hover(mean)) + "\">"
                    + cell(mean) + "</td>").append("</tr>");
        }
        h.append("</table><p class=\"ci\">Click a cell for example responses. ± is half the width of the 95% CI")
                .append(" (hover for the interval").append(m.seeds().stream().anyMatch(s -> s > 1)
                        ? " and the value of each seed" : "").append(").</p>");
    }

    static void pairs(StringBuilder h, List<PairScore> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        h.append("<h2>Bilingual pairs</h2><table>");
        row(h, "th", Set.of(), "mix", "pair", "mean on other languages");
        pairs.forEach(p -> row(h, "td", Set.of(), esc(p.mix()), esc(String.join("+", p.pair())),
                num(p.otherLanguagesAverage())));
        h.append("</table>");
    }

    static void answerChecks(StringBuilder h, List<AnswerCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"answers\">Answers to classification tasks</h2><p>Accuracy alone hides a model that gives")
                .append(" one answer whatever the input. Against it: what always answering the label most frequent")
                .append(" among the same prompts' references scores (chosen knowing the references, so a demanding")
                .append(" bar; where labels tie, the one the model is least distinguishable from), and the paired")
                .append(" difference over the prompts every seed answered, with its 95% interval and sign-flip p;")
                .append(" above or below when the interval clears 0 with p &lt; 0.05. Answers are compared after label")
                .append(" normalisation; known: the answer is one of the task's labels.</p><table>");
        Set<Integer> left = Set.of(0, 2, 6, 8, 11);
        row(h, "th", left, "mix", "lang", "task", "answers", "accuracy", "distinct", "most frequent", "known",
                "constant answer", "accuracy − constant", "p", "reading");
        for (AnswerCheck c : checks) {
            row(h, "td", left, esc(c.mix()), esc(c.language()), esc(c.task()),
                    Integer.toString(c.prompts()), c.accuracy() == null ? "n/a" : num(c.accuracy()),
                    Integer.toString(c.distinctAnswers()),
                    esc(c.topAnswer()) + String.format(Locale.ROOT, " (%.0f%%)", 100 * c.topAnswerShare()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * c.knownShare()), esc(c.constantAnswer())
                            + String.format(Locale.ROOT, ": %s (%d labels)", num(c.constantAccuracy()), c.labels()),
                    esc(Text.interval(c.overConstant())),
                    Text.p(c.overConstant() == null ? null : c.overConstant().p()), esc(c.reading()));
        }
        h.append("</table>");
    }

    /** Per eval language, mean over mixes: response-language rate next to LCB's line and word pass rates. */
    static void languageChecks(StringBuilder h, ExperimentReport report) {
        h.append("<h2>Responses in the prompt's language</h2><p>Mean over mixes. The response-language rate checks each")
                .append(" whole response; LCB's line-level rate requires every line of 5+ words in the prompt's")
                .append(" language; the word-level rate (non-Latin scripts only) also rejects English words.</p>")
                .append("<table><tr><th class=\"l\">measure</th>");
        report.languages().forEach(l -> h.append("<th>").append(esc(l)).append("</th>"));
        h.append("</tr>");
        for (Metric metric : List.of(Metric.LANGUAGE, Metric.LINE_PASS, Metric.WORD_PASS, Metric.DEGENERATE)) {
            Matrix m = report.matrices().get(metric.key());
            h.append("<tr><th class=\"l\">").append(esc(metric.title())).append("</th>");
            for (int c = 0; c < report.languages().size(); c++) {
                int col = c;
                var mean = Stats.mean(m.values().stream().map(row -> row.get(col)).toList());
                h.append(mean.isPresent() ? "<td>" + num(mean.getAsDouble()) + "</td>" : "<td class=\"n\">n/a</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    static String cell(Interval v) {
        return v.low() == null ? num(v.value()) : num(v.value()) + "<span class=\"ci\"> ±"
                + num((v.high() - v.low()) / 2) + "</span>";
    }

    static String hover(Interval v) {
        String s = v.low() == null ? num(v.value()) + " (no interval)"
                : num(v.value()) + ", 95% CI [" + num(v.low()) + ", " + num(v.high()) + "], " + v.prompts() + " prompts";
        return v.seedValues().isEmpty() ? s : s + "; seeds: " + v.seedValues().stream()
                .map(HtmlReport::num).collect(Collectors.joining(", "));
    }

    private static String colour(double value) {
        double t = Math.max(0, Math.min(100, value)) / 100;
        return String.format(Locale.ROOT, "hsl(210,70%%,%d%%)", Math.round(96 - 36 * t));
    }
}
