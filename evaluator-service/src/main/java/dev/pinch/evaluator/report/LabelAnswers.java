package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.Metric;
import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.evaluator.stats.Estimand;
import dev.pinch.evaluator.stats.Interval;
import dev.pinch.evaluator.stats.PromptData;
import java.util.ArrayList;
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
 * nothing of the input and always gives one label cannot beat it. The difference is a paired bootstrap over the
 * prompts every seed answered, with a sign-flip p-value, as every comparison of the report ({@link
 * ReportBuilder#method}).
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
                List<List<PromptResult>> labelled = data.seeds(row.mixName()).stream()
                        .map(e -> ReportData.score(e, lang)).map(s -> s == null ? List.<PromptResult>of()
                                : s.results().stream().filter(r -> r.label() != null && r.taskName() != null).toList())
                        .toList();
                for (String task : new TreeSet<>(labelled.stream().flatMap(List::stream).map(PromptResult::taskName)
                        .toList())) {
                    AnswerCheck c = check(data, row.mixName(), lang, task, labelled.stream()
                            .map(seed -> seed.stream().filter(r -> r.taskName().equals(task)).toList()).toList());
                    if (c != null) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param perSeed the task's labelled results in this language, one list per seed of the mix
     * @return the check, or null when no prompt was answered in every seed
     */
    static AnswerCheck check(ReportData data, String mix, String lang, String task, List<List<PromptResult>> perSeed) {
        List<PromptResult> all = perSeed.stream().flatMap(List::stream).toList();
        int n = all.size();
        Map.Entry<String, Long> top = mostFrequent(all, r -> r.label().answer()).getFirst();
        Map<String, String> references = new LinkedHashMap<>();
        all.forEach(r -> references.putIfAbsent(r.id(), r.label().reference()));
        perSeed.forEach(seed -> references.keySet().retainAll(seed.stream().map(PromptResult::id)
                .collect(Collectors.toSet())));
        if (references.isEmpty()) {
            return null;
        }
        Metric accuracy = Metric.task(task);
        Candidate best = null;
        for (Map.Entry<String, Long> tied : mostFrequent(references.values().stream().toList(), Function.identity())) {
            Candidate c = candidate(data, mix, lang, accuracy, references, tied.getKey());
            best = best == null || c.p() > best.p() ? c : best;
        }
        Interval cell = data.cell(mix, lang, accuracy);
        return new AnswerCheck(mix, lang, task, n, cell == null ? null : cell.value(),
                (int) all.stream().map(r -> r.label().answer()).distinct().count(), top.getKey(),
                (double) top.getValue() / n, (double) all.stream().filter(r -> r.label().known()).count() / n,
                (int) references.values().stream().distinct().count(), best.label(), best.accuracy(), best.over(),
                reading(best.over()));
    }

    private record Candidate(String label, double accuracy, Interval over) {
        double p() {
            return over == null || over.p() == null ? 1 : over.p();
        }
    }

    /** Always answering {@code label}: its accuracy, and the model's minus it, paired on the same prompts. */
    private static Candidate candidate(ReportData data, String mix, String lang, Metric accuracy,
            Map<String, String> references, String label) {
        Map<String, Double> scores = new LinkedHashMap<>();
        references.forEach((id, ref) -> scores.put(id, ref.equals(label) ? 100.0 : 0.0));
        PromptData withConstant = (m, l) -> m.equals(CONSTANT) ? List.of(scores) : data.data(accuracy).replicates(m, l);
        Interval over = data.bootstrap().estimate(Estimand.difference(mix, CONSTANT, List.of(lang)), withConstant, 0)
                .orElse(null);
        return new Candidate(label, scores.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                over);
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

    /** The values tied for the highest count, in sort order, each with that count. */
    private static <T> List<Map.Entry<String, Long>> mostFrequent(List<T> items, Function<T, String> key) {
        Map<String, Long> counts = items.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.counting()));
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return counts.entrySet().stream().filter(e -> e.getValue() == max).sorted(Map.Entry.comparingByKey()).toList();
    }
}
