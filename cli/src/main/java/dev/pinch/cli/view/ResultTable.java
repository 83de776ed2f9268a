package dev.pinch.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The experiment report as terminal tables: per metric (SxS, task score, response-language rate), one row per mix
 * and one column per eval language plus the mean over the non-base languages; then the paper's first question,
 * whether P = 1 beats P = 0 outside the base language.
 */
public final class ResultTable {

    private static final Pattern PERCENT = Pattern.compile("pinch-p(\\d+(?:\\.\\d+)?)");
    private static final Pattern BASE = Pattern.compile("base \\((\\w+)\\)");

    private ResultTable() {
    }

    public static List<String> render(JsonNode report) {
        String base = baseLanguage(report);
        List<String> lines = new ArrayList<>();
        for (String metric : List.of("sxs", "task", "language")) {
            JsonNode matrix = report.path("matrices").path(metric);
            if (matrix.path("rows").isEmpty()) {
                continue;
            }
            lines.add(matrix.path("title").asText(metric));
            TextTable table = new TextTable();
            List<String> header = new ArrayList<>(List.of("mix"));
            matrix.path("columns").forEach(c -> header.add(c.asText()));
            header.add("non-" + base);
            table.row(header);
            for (int r = 0; r < matrix.path("rows").size(); r++) {
                List<String> row = new ArrayList<>(List.of(label(matrix.path("rows").get(r).asText(), base, report)));
                JsonNode values = matrix.path("values").get(r);
                values.forEach(v -> row.add(v.isNumber() ? format(v.asDouble()) : "-"));
                OptionalDouble mean = nonBaseMean(matrix, r, base);
                row.add(mean.isPresent() ? format(mean.getAsDouble()) : "-");
                table.row(row);
            }
            lines.addAll(table.render());
            lines.add("");
        }
        report.path("notes").forEach(n -> lines.add("note: " + n.asText()));
        direction(report, base).ifPresent(lines::add);
        return lines;
    }

    /**
     * "P=1 vs P=0 on non-en (SxS): 41.3 vs 33.0, P=1 is better by 8.3", from the rows {@code pinch-p1} and
     * {@code mono-<base>}; empty when either is missing.
     */
    static java.util.Optional<String> direction(JsonNode report, String base) {
        String metric = report.path("matrices").path("sxs").path("rows").isEmpty() ? "task" : "sxs";
        JsonNode matrix = report.path("matrices").path(metric);
        int p0 = indexOf(matrix, "mono-" + base);
        int p1 = indexOf(matrix, "pinch-p1");
        if (p0 < 0 || p1 < 0) {
            return java.util.Optional.empty();
        }
        OptionalDouble a = nonBaseMean(matrix, p1, base);
        OptionalDouble b = nonBaseMean(matrix, p0, base);
        if (a.isEmpty() || b.isEmpty()) {
            return java.util.Optional.empty();
        }
        double diff = a.getAsDouble() - b.getAsDouble();
        return java.util.Optional.of(String.format(Locale.ROOT,
                "P=1 vs P=0 on non-%s languages (%s): %.1f vs %.1f, %s", base, matrix.path("title").asText(metric),
                a.getAsDouble(), b.getAsDouble(), diff > 0 ? String.format(Locale.ROOT,
                        "P=1 is better by %.1f (the paper's direction)", diff) : diff < 0 ? String.format(Locale.ROOT,
                        "P=1 is worse by %.1f (not the paper's direction)", -diff) : "a tie"));
    }

    static OptionalDouble nonBaseMean(JsonNode matrix, int row, String base) {
        List<Double> values = new ArrayList<>();
        JsonNode cells = matrix.path("values").get(row);
        for (int c = 0; c < matrix.path("columns").size(); c++) {
            if (!matrix.path("columns").get(c).asText().equals(base) && cells.get(c).isNumber()) {
                values.add(cells.get(c).asDouble());
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).average();
    }

    private static int indexOf(JsonNode matrix, String row) {
        for (int i = 0; i < matrix.path("rows").size(); i++) {
            if (matrix.path("rows").get(i).asText().equals(row)) {
                return i;
            }
        }
        return -1;
    }

    private static String label(String mix, String base, JsonNode report) {
        Matcher m = PERCENT.matcher(mix);
        if (m.matches()) {
            return mix + " (P=" + m.group(1) + ")";
        }
        boolean sweep = report.path("sweepCurves").size() > 0;
        return sweep && mix.equals("mono-" + base) ? mix + " (P=0)" : mix;
    }

    static String baseLanguage(JsonNode report) {
        for (JsonNode curve : report.path("sweepCurves")) {
            Matcher m = BASE.matcher(curve.path("series").asText());
            if (m.find()) {
                return m.group(1);
            }
        }
        return "en";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
