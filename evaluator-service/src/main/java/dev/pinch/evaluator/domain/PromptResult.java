package dev.pinch.evaluator.domain;

import dev.pinch.evaluator.judge.SxsOutcome;
import dev.pinch.evaluator.judge.Verdict;

/**
 * What one prompt scored in one cell (checkpoint × eval language): what the report's intervals, paired comparisons
 * and judge diagnostics are computed from.
 *
 * @param id             the prompt
 * @param taskName       the prompt's task ({@code topic}, {@code translation}, …), or null when the source names none
 * @param inLanguage     the response is in the prompt's language
 * @param task           task score 0..100, or null without a reference
 * @param degenerate     the response is degenerate repetition ({@code Degeneracy})
 * @param linePass       LCB line-level pass, or null when the response has no line of 5+ words
 * @param wordPass       LCB word-level pass, or null when not measured (Latin script, skipped, or failed per line)
 * @param sxs            the SxS outcome against the baseline, or null without a baseline yet
 * @param candidateFirst the judge's choice with the candidate in position A, or null (no judge call: self, pending)
 * @param baselineFirst  the judge's choice with the baseline in position A, or null
 * @param secondSxs      the second judge's SxS outcome (eval config {@code secondJudge}), or null
 * @param label          for a classification task, the answer given and the one expected; null for other tasks (and
 *                       in evaluations stored before answers were kept)
 */
public record PromptResult(String id, String taskName, boolean inLanguage, Double task, boolean degenerate, Boolean linePass,
        Boolean wordPass, SxsOutcome sxs, Verdict.Choice candidateFirst, Verdict.Choice baselineFirst,
        SxsOutcome secondSxs, Label label) {

    /** Longest answer kept, in characters: a label is a word or two, a longer answer is not one. */
    public static final int MAX_ANSWER = 40;

    /**
     * A classification prompt's answer, normalised as labels are compared ({@code TaskScorer#normaliseLabel}).
     *
     * @param answer    the response, normalised, cut to {@link #MAX_ANSWER} code points (the last one … when cut)
     * @param reference the expected label, normalised
     * @param known     the answer is one of the task's labels in the prompt's language
     */
    public record Label(String answer, String reference, boolean known) {

        /** Cuts the answer to {@link #MAX_ANSWER} code points. */
        public Label {
            if (answer.codePointCount(0, answer.length()) > MAX_ANSWER) {
                answer = answer.substring(0, answer.offsetByCodePoints(0, MAX_ANSWER - 1)) + "…";
            }
        }
    }

    /** This result with SxS outcomes and the primary judge's two choices. */
    public PromptResult withSxs(SxsOutcome outcome, Verdict.Choice first, Verdict.Choice second, SxsOutcome other) {
        return new PromptResult(id, taskName, inLanguage, task, degenerate, linePass, wordPass, outcome, first, second, other,
                label);
    }
}
