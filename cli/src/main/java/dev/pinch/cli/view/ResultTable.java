package dev.pinch.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The experiment report as terminal tables: per metric (SxS, task score, response-language rate, degenerate rate,
 * LCB pass rates, then the task score of each task), one row per mix and one column per eval language plus the mean over the non-base languages, each
 * value with ± half the width of its 95% confidence interval; then the paper's findings as the report checked them,
 * and the closing verdict on the paper's first question, whether P = 1 beats P = 0 outside the base language, in the
 * findings' own wording and with their interval.
 */
public final class ResultTable {

    private static final Pattern PERCENT = Pattern.compile("pinch-p(\\d+(?:\\.\\d+)?)");
    private static final List<String> METRICS = List.of("sxs", "task", "language", "degenerate", "line_pass", "word_pass");
    private static final String P1_FINDING = "p1-helps-non-base";

    private ResultTable() {
    }

    public static List<String> render(JsonNode report) {
        String base = report.path("baseLanguage").asText("en");
        List<String> lines = new ArrayList<>();
        List<String> metrics = new ArrayList<>(METRICS);
        report.path("matrices").fieldNames().forEachRemaining(k -> {
            if (k.startsWith("task:")) {
                metrics.add(k); // the task score of one task, e.g. topic-classification accuracy
            }
        });
        for (String metric : metrics) {
            JsonNode matrix = report.path("matrices").path(metric);
            if (matrix.path("rows").isEmpty() || !hasValues(matrix)) {
                continue;
            }
            lines.add(matrix.path("title").asText(metric));
            TextTable table = new TextTable();
            List<String> header = new ArrayList<>(List.of("mix"));
            matrix.path("columns").forEach(c -> header.add(c.asText()));
            header.add("non-" + base);
            table.row(header);
            for (int r = 0; r < matrix.path("rows").size(); r++) {
                List<String> row = new ArrayList<>(List.of(label(matrix, r, base, report)));
                JsonNode values = matrix.path("values").get(r);
                for (int c = 0; c < values.size(); c++) {
                    row.add(cell(values.get(c), matrix.path("intervals").path(r).path(c)));
                }
                JsonNode mean = matrix.path("nonBaseMeans").path(r);
                row.add(cell(mean.path("value"), mean));
                table.row(row);
            }
            lines.addAll(table.render());
            lines.add("");
        }
        JsonNode method = report.path("method");
        if (!method.isMissingNode()) {
            lines.add(String.format(Locale.ROOT, "± is half the width of the %d%% confidence interval (%s, %d resamples"
                    + " over prompts); the HTML report has the intervals.", Math.round(100 * method.path("level")
                    .asDouble()), method.path("name").asText(), method.path("resamples").asInt()));
        }
        lines.addAll(AnswerTable.render(report, base));
        report.path("notes").forEach(n -> lines.add("note: " + n.asText()));
        lines.addAll(findings(report));
        verdict(report, base).ifPresent(lines::add);
        return lines;
    }

    /** The findings section: one line per finding with its verdict, then the statistic behind it. */
    static List<String> findings(JsonNode report) {
        List<String> lines = new ArrayList<>();
        if (report.path("findings").isEmpty()) {
            return lines;
        }
        lines.add("");
        lines.add("Findings of the paper, checked on this experiment (95% CIs):");
        for (JsonNode f : report.path("findings")) {
            String label = verdictLabel(f);
            lines.add(String.format(Locale.ROOT, "  %-15s %s", label, f.path("claim").asText()));
            lines.add("                  " + f.path("statistic").asText());
        }
        return lines;
    }

    /**
     * The demo's closing line, from the report's P = 1 finding: what the interval supports, nothing more. Empty when
     * the report has no such finding (an older evaluator).
     */
    static Optional<String> verdict(JsonNode report, String base) {
        for (JsonNode f : report.path("findings")) {
            if (!P1_FINDING.equals(f.path("key").asText())) {
                continue;
            }
            String statistic = f.path("statistic").asText();
            String line = switch (f.path("verdict").asText()) {
                case "SUPPORTED" -> "P=1 beats P=0 outside " + base + ": " + verdictLabel(f) + ", " + statistic;
                case "CONTRADICTED" -> "P=1 does worse than P=0 outside " + base + ": " + verdictLabel(f) + ", "
                        + statistic;
                case "INCONCLUSIVE" -> "P=1 vs P=0 outside " + base + ": inconclusive, these data do not show a"
                        + " difference either way (" + statistic + ")";
                default -> "P=1 vs P=0 outside " + base + ": not addressed (" + statistic + ")";
            };
            return Optional.of("Verdict: " + line);
        }
        return Optional.empty();
    }

    private static String verdictLabel(JsonNode finding) {
        return switch (finding.path("verdict").asText()) {
            case "SUPPORTED" -> "✔ supported";
            case "CONTRADICTED" -> "✘ contradicted";
            case "INCONCLUSIVE" -> "inconclusive";
            default -> "not addressed";
        };
    }

    /** "41.3±6.2": the value and half the interval's width; the value alone without an interval; "-" unmeasured. */
    static String cell(JsonNode value, JsonNode interval) {
        return cell(value, interval, false);
    }

    /** {@link #cell(JsonNode, JsonNode)}, with the value's sign when {@code signed} ("+2.8±6.2"). */
    static String cell(JsonNode value, JsonNode interval, boolean signed) {
        if (!value.isNumber()) {
            return "-";
        }
        String v = String.format(Locale.ROOT, signed ? "%+.1f" : "%.1f", value.asDouble());
        if (!interval.path("low").isNumber()) {
            return v;
        }
        return v + String.format(Locale.ROOT, "±%.1f",
                (interval.path("high").asDouble() - interval.path("low").asDouble()) / 2);
    }

    private static boolean hasValues(JsonNode matrix) {
        for (JsonNode row : matrix.path("values")) {
            for (JsonNode v : row) {
                if (v.isNumber()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String label(JsonNode matrix, int r, String base, JsonNode report) {
        return label(matrix.path("rows").get(r).asText(), matrix.path("seeds").path(r).asInt(1), base, report);
    }

    /** A mix as a row label: its pinch share or P=0 role in a sweep, and its seeds when several. */
    static String label(String mix, int seeds, String base, JsonNode report) {
        String suffix = seeds > 1 ? " ×" + seeds + " seeds" : "";
        Matcher m = PERCENT.matcher(mix);
        if (m.matches()) {
            return mix + " (P=" + m.group(1) + ")" + suffix;
        }
        boolean sweep = report.path("sweepCurves").size() > 0;
        return (sweep && mix.equals("mono-" + base) ? mix + " (P=0)" : mix) + suffix;
    }
}
