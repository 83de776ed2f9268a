package dev.pinch.evaluator.report;

import dev.pinch.evaluator.stats.Interval;

/**
 * A model's answers to one classification task in one language (every seed of the mix pooled), against the best
 * constant answer: the label most frequent among these prompts' references, which a model that reads nothing of
 * the input can at most match. Part of {@link ExperimentReport}.
 *
 * @param prompts          answers counted (prompts × seeds)
 * @param accuracy         share of right answers, 0..100 (seeds averaged), or null
 * @param distinctAnswers  distinct answers given, after label normalisation
 * @param topAnswer        the most frequent answer (cut to 40 code points)
 * @param topAnswerShare   its share of the answers, 0..1
 * @param knownShare       share of answers that are one of the task's labels in this language, 0..1
 * @param labels           distinct labels among the references of the prompts every seed answered
 * @param constantAnswer   the label most frequent among those references; when several are, the one the model is
 *                         least distinguishable from (largest p, then first in sort order), so that no tie-break
 *                         makes the model look better than it is
 * @param constantAccuracy what always answering it scores on those prompts, 0..100
 * @param overConstant     the model's accuracy minus constantAccuracy on those prompts (seeds averaged), with its
 *                         interval and p, or null
 * @param reading          {@code above} or {@code below} when that interval clears 0 with p &lt; 0.05,
 *                         {@code indistinguishable} otherwise, {@code too few prompts} without an interval
 */
public record AnswerCheck(String mix, String language, String task, int prompts, Double accuracy,
        int distinctAnswers, String topAnswer, double topAnswerShare, double knownShare, int labels,
        String constantAnswer, double constantAccuracy, Interval overConstant, String reading) {
}
