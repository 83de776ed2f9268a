package dev.pinch.evaluator.judge;

import java.util.Objects;

/**
 * One pairwise comparison: the prompt (language, task, instruction, optional reference answer) and the two
 * responses in the positions the judge sees them.
 *
 * @param lang        ISO 639-1 code of the prompt; responses are expected in this language
 * @param task        task name ({@code topic}, {@code continuation}, {@code translation}, ...); may be null
 * @param instruction the instruction the responses answer
 * @param reference   the reference answer, or null when the prompt has none
 * @param responseA   the response in position A
 * @param responseB   the response in position B
 */
public record JudgeRequest(String lang, String task, String instruction, String reference,
                           String responseA, String responseB) {

    /** Requires the language, instruction and both responses. */
    public JudgeRequest {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(responseA, "responseA");
        Objects.requireNonNull(responseB, "responseB");
    }

    /** The same request with the responses in swapped positions. */
    public JudgeRequest swapped() {
        return new JudgeRequest(lang, task, instruction, reference, responseB, responseA);
    }
}
