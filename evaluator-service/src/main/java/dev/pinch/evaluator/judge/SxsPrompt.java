package dev.pinch.evaluator.judge;

import java.util.Objects;

/**
 * One prompt of a side-by-side comparison: the candidate model's and the baseline model's responses.
 *
 * @param id          prompt id
 * @param lang        ISO 639-1 code of the prompt
 * @param task        task name, may be null
 * @param instruction the instruction
 * @param reference   reference answer, may be null
 * @param candidate   the response of the model being scored
 * @param baseline    the response of the baseline (the model tuned monolingually in {@code lang})
 */
public record SxsPrompt(String id, String lang, String task, String instruction, String reference,
                        String candidate, String baseline) {

    /** Requires id, lang, instruction and both responses. */
    public SxsPrompt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(baseline, "baseline");
    }
}
