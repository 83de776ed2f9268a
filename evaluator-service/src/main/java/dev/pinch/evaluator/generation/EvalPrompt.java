package dev.pinch.evaluator.generation;

import java.util.Objects;

/**
 * One eval prompt: an instruction in one language, with its task and reference answer when the eval set has them.
 *
 * @param id          prompt id, unique within its language (parallel eval sets share ids across languages)
 * @param lang        ISO 639-1 code of the prompt; the response is expected in this language
 * @param task        task name ({@code topic}, {@code continuation}, {@code translation}, ...), or null
 * @param instruction the instruction
 * @param reference   the reference answer, or null
 */
public record EvalPrompt(String id, String lang, String task, String instruction, String reference) {

    /** Requires id, lang and instruction. */
    public EvalPrompt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(instruction, "instruction");
    }
}
