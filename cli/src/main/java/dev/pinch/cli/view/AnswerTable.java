package dev.pinch.cli.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report's answer checks as terminal tables, one per classification task: per mix and eval language, accuracy
 * minus what always answering the label most frequent among the same prompts' references scores (± half the 95%
 * interval, * when p &lt; 0.05 and the interval clears 0), and in brackets how many distinct answers the model gave;
 * below, the one answer per language (where labels tie for most frequent, each mix is set against the one it is least
 * distinguishable from, so a language may name several). A model that gives one answer whatever the input shows [1]
 * and a difference of 0 or below.
 */
final class AnswerTable {

    private AnswerTable() {
    }

    static List<String> render(JsonNode report, String base) {
        Map<String, Map<String, Map<String, JsonNode>>> byTask = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> constants = new LinkedHashMap<>();
        for (JsonNode c : report.path("answerChecks")) {
            String task = c.path("task").asText();
            String lang = c.path("language").asText();
            byTask.computeIfAbsent(task, t -> new LinkedHashMap<>())
                    .computeIfAbsent(c.path("mix").asText(), m -> new LinkedHashMap<>()).put(lang, c);
            constants.computeIfAbsent(task, t -> new LinkedHashMap<>()).computeIfAbsent(lang, l -> new TreeSet<>())
                    .add(String.format(Locale.ROOT, "'%s' %.1f", c.path("constantAnswer").asText(),
                            c.path("constantAccuracy").asDouble()));
        }
        List<String> lines = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        report.path("languages").forEach(l -> languages.add(l.asText()));
        byTask.forEach((task, rows) -> {
            lines.add(task + ": accuracy minus always giving one answer (points) [distinct answers]");
            TextTable table = new TextTable();
            List<String> header = new ArrayList<>(List.of("mix"));
            header.addAll(languages);
            table.row(header);
            rows.forEach((mix, cells) -> {
                int seeds = cells.values().iterator().next().path("overConstant").path("seeds").asInt(1);
                List<String> row = new ArrayList<>(List.of(ResultTable.label(mix, seeds, base, report)));
                languages.forEach(l -> row.add(cells.containsKey(l) ? cell(cells.get(l)) : "-"));
                table.row(row);
            });
            lines.addAll(table.render());
            List<String> answers = new ArrayList<>();
            constants.get(task).forEach((lang, named) -> answers.add(lang + " " + String.join(" or ", named)));
            lines.add("the one answer, and what it scores: " + String.join(", ", answers)
                    + "; * the interval clears 0 with p < 0.05");
            lines.add("");
        });
        return lines;
    }

    /** "-11.1±22.2 [1]", "+33.3±20.0* [5]", or the bare difference without an interval. */
    static String cell(JsonNode check) {
        JsonNode over = check.path("overConstant");
        String v = ResultTable.cell(over.path("value"), over, true);
        String reading = check.path("reading").asText();
        return v + (reading.equals("above") || reading.equals("below") ? "*" : "") + " ["
                + check.path("distinctAnswers").asInt() + "]";
    }
}
