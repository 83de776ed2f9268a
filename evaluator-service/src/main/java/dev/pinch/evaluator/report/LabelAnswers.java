package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.domain.Metric;
import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.evaluator.report.ExperimentReport.AnswerCheck;
import dev.pinch.evaluator.stats.Estimand;
import dev.pinch.evaluator.stats.Interval;
import dev.pinch.evaluator.stats.PromptData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a model's answers to a classification task say beyond its accuracy, per mix, eval language and task (every seed
 * of a mix pooled): how many distinct answers it gave, how often its most frequent one, how many were one of the
 * task's labels, and whether its accuracy beats always answering the label most frequent among the same prompts'
 * references. That constant answer is chosen knowing the references, so it is a demanding bar: a model that reads
 * nothing of the input and always gives one label cannot beat it. The difference is a paired bootstrap over the same
 * prompts, with a sign-flip p-value, as every comparison of the report ({@link ReportBuilder#method}).
 */
final class LabelAnswers {

    /** The constant answerer's name as a bootstrap mix: no mix name can hold a NUL. */
    private static final String CONSTANT = "\u0000constant";

    private LabelAnswers() {
    }

    static List<AnswerCheck> of(ReportData data, List<String> languages) {
        List<AnswerCheck> out = new ArrayList<>();
        for (CheckpointEvaluation row : data.rows()) {
            for (String lang : languages) {
                Map<String, List<PromptResult>> byTask = new TreeMap<>();
                for (CheckpointEvaluation seed : data.seeds(row.mixName())) {
                    LanguageScore s = ReportData.score(seed, lang);
                    if (s != null) {
                        s.results().stream().filter(r -> r.label() != null && r.taskName() != null)
                                .forEach(r -> byTask.computeIfAbsent(r.taskName(), t -> new ArrayList<>()).add(r));
                    }
                }
                byTask.forEach((task, results) -> out.add(check(data, row.mixName(), lang, task, results)));
            }
        }
        return out;
    }

    static AnswerCheck check(ReportData data, String mix, String lang, String task, List<PromptResult> results) {
        int n = results.size();
        Map.Entry<String, Long> top = mostFrequent(results, r -> r.label().answer());
        Map<String, String> references = new LinkedHashMap<>();
        results.forEach(r -> references.putIfAbsent(r.id(), r.label().reference()));
        String constant = mostFrequent(references.values().stream().toList(), Function.identity()).getKey();
        Map<String, Double> constantScores = new LinkedHashMap<>();
        references.forEach((id, ref) -> constantScores.put(id, ref.equals(constant) ? 100.0 : 0.0));
        double constantAccuracy = constantScores.values().stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
        Metric accuracy = Metric.task(task);
        PromptData withConstant = (m, l) -> m.equals(CONSTANT) ? List.of(constantScores)
                : data.data(accuracy).replicates(m, l);
        Interval over = data.bootstrap().estimate(Estimand.difference(mix, CONSTANT, List.of(lang)), withConstant, 0)
                .orElse(null);
        Interval cell = data.cell(mix, lang, accuracy);
        return new AnswerCheck(mix, lang, task, n, cell == null ? null : cell.value(),
                (int) results.stream().map(r -> r.label().answer()).distinct().count(), top.getKey(),
                (double) top.getValue() / n, (double) results.stream().filter(r -> r.label().known()).count() / n,
                new TreeSet<>(references.values()).size(), constant, constantAccuracy, over, reading(over));
    }

    /** above, below (interval clear of 0 and p &lt; 0.05), indistinguishable, or too few prompts (no interval). */
    static String reading(Interval over) {
        if (over == null || over.low() == null) {
            return "too few prompts";
        }
        boolean significant = over.p() != null && over.p() < 0.05;
        if (significant && over.low() > 0) {
            return "above";
        }
        return significant && over.high() < 0 ? "below" : "indistinguishable";
    }

    /** The most frequent value and its count; ties go to the value first in sort order. */
    private static <T> Map.Entry<String, Long> mostFrequent(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting())).entrySet()
                .stream().max(Comparator.comparingLong(Map.Entry<String, Long>::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow();
    }
}
