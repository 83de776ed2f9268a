package dev.pinch.evaluator.judge;


/**
 * The two verdicts on one prompt and the resulting outcome for the candidate.
 *
 * @param promptId       the prompt
 * @param candidateFirst the verdict with the candidate in position A
 * @param baselineFirst  the verdict with the baseline in position A (candidate in B)
 * @param outcome        win only if the candidate is preferred in both orders, loss only if the baseline is, else tie
 */
public record SxsJudgement(String promptId, Verdict candidateFirst, Verdict baselineFirst, SxsOutcome outcome) {
}
