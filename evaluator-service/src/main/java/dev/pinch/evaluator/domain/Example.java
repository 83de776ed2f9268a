package dev.pinch.evaluator.domain;

import dev.pinch.evaluator.judge.SxsOutcome;
import dev.pinch.evaluator.judge.Verdict;

/**
 * One prompt of a cell shown in the report, so a reader sees what the models actually say.
 *
 * @param id               the prompt
 * @param instruction      the instruction
 * @param reference        the reference answer, or null
 * @param response         the candidate's response
 * @param baselineResponse the baseline's response, or null without a baseline
 * @param outcome          the SxS outcome, or null
 * @param candidateFirst   the verdict with the candidate in position A (with the judge's rationale), or null
 * @param baselineFirst    the verdict with the baseline in position A, or null
 */
public record Example(String id, String instruction, String reference, String response, String baselineResponse,
        SxsOutcome outcome, Verdict candidateFirst, Verdict baselineFirst) {
}
