package dev.pinch.evaluator.generation;

/**
 * A model's response to one eval prompt, as stored in the per-language response log.
 *
 * @param id          the prompt id
 * @param lang        the prompt language
 * @param task        the task, or null
 * @param instruction the instruction
 * @param reference   the reference answer, or null
 * @param response    the decoded response (special tokens dropped, cut at the prompt template's next turn)
 * @param tokens      new tokens generated (the stopping EOS not counted)
 */
public record GeneratedResponse(String id, String lang, String task, String instruction, String reference,
        String response, int tokens) {

    /** The response to {@code prompt}. */
    public static GeneratedResponse of(EvalPrompt prompt, String response, int tokens) {
        return new GeneratedResponse(prompt.id(), prompt.lang(), prompt.task(), prompt.instruction(),
                prompt.reference(), response, tokens);
    }
}
