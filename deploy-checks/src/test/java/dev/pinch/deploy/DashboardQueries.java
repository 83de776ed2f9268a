package dev.pinch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PromQL of Grafana dashboards: the queries of every panel target, and the metric names they use.
 *
 * <p>The PromQL is parsed just enough to find metric names: string literals, label matchers ({@code {...}}), range
 * and subquery selectors ({@code [5m]}, {@code [1h:1m]}), grouping clauses ({@code by (...)}, {@code without (...)},
 * {@code on (...)}, {@code ignoring (...)}, {@code group_left (...)}, {@code group_right (...)}), Grafana variables
 * ({@code $run}, {@code ${run}}, {@code $__rate_interval}), numbers and durations are dropped; of the identifiers
 * left, function and aggregation calls (an identifier followed by {@code (}) and keywords are not metric names.
 * Metric names written as {@code {__name__="..."}} are not recognised.
 */
public final class DashboardQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\[\\]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[[^\\]]*]]");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>0[xX][0-9a-fA-F]+|(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?(?:ms|s|m|h|d|w|y)*)"
                    + "|(?<identifier>[A-Za-z_:][A-Za-z0-9_:]*)");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "and", "or", "unless", "atan2", "inf", "nan");

    private DashboardQueries() {
    }

    /** Every metric name used in a panel target of any {@code *.json} dashboard in {@code dashboardsDir}. */
    public static Set<String> metricNames(Path dashboardsDir) {
        Set<String> names = new TreeSet<>();
        for (Path dashboard : dashboards(dashboardsDir)) {
            for (String expr : expressions(dashboard)) {
                names.addAll(metricNamesOf(expr));
            }
        }
        return names;
    }

    /** The dashboard JSON files of a directory, sorted. */
    public static List<Path> dashboards(Path dashboardsDir) {
        try (Stream<Path> files = Files.list(dashboardsDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code expr} of every panel target of one dashboard, panels nested in rows included. */
    public static List<String> expressions(Path dashboard) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : panels(read(dashboard))) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (!expr.isBlank()) {
                    exprs.add(expr);
                }
            }
        }
        return exprs;
    }

    /** Every panel of a dashboard, the rows' nested panels included. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }

    /** The metric names of one PromQL expression. */
    public static Set<String> metricNamesOf(String expr) {
        String s = STRING.matcher(expr).replaceAll(" ");
        s = VARIABLE.matcher(s).replaceAll(" ");
        s = LABEL_MATCHERS.matcher(s).replaceAll(" ");
        s = RANGE.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            String id = m.group("identifier");
            if (id == null || KEYWORDS.contains(id.toLowerCase(Locale.ROOT)) || calledAt(s, m.end())) {
                continue;
            }
            names.add(id);
        }
        return names;
    }

    static JsonNode read(Path json) {
        try {
            return JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + json, e);
        }
    }

    private static boolean calledAt(String s, int end) {
        int i = end;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '(';
    }
}
