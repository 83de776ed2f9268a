package dev.pinch.lm;

import java.nio.file.Path;
import java.util.List;

/**
 * How an instruction becomes the model's prompt and a training example its tokens with a loss mask: a plain
 * template ({@link PromptFormat}) or the model's own chat template ({@link ChatFormat}).
 */
public interface PromptEncoder {

    /** The setting value that selects the model's chat template. */
    String CHAT = "chat";

    /**
     * The prompt encoder a setting names: {@value #CHAT} (the chat template of {@code modelDir}) or a plain template
     * with an {@code {instruction}} slot.
     *
     * @param setting {@code chat} or a template
     * @param modelDir the model directory whose tokenizer_config.json or chat_template.jinja holds the chat template
     * @return the encoder
     * @throws IllegalArgumentException when the template is unusable (no slot, no chat template, ...)
     */
    static PromptEncoder of(String setting, Path modelDir) {
        return CHAT.equals(setting) ? ChatFormat.load(modelDir) : new PromptFormat(setting);
    }

    /**
     * Tokens of the prompt for generation: the model generates the response after them.
     *
     * @param tokenizer the tokenizer
     * @param instruction the instruction
     * @return the prompt's ids
     */
    int[] encodePrompt(PinchTokenizer tokenizer, String instruction);

    /**
     * Encodes a training example: the prompt (mask 0) then the response and its end (mask 1). When it is longer than
     * {@code maxLen}, the prompt keeps at most its last {@code maxLen/2} tokens and the response is cut to fit.
     *
     * @param tokenizer the tokenizer
     * @param instruction the instruction
     * @param response the response
     * @param maxLen the most tokens (>= 2)
     * @return the ids and mask
     */
    PromptFormat.Encoded encodeExample(PinchTokenizer tokenizer, String instruction, String response, int maxLen);

    /**
     * Tokens that end a response: the tokenizer's EOS and, for a chat template, its end-of-turn token.
     *
     * @param tokenizer the tokenizer
     * @return the ids generation stops at
     */
    List<Integer> stopIds(PinchTokenizer tokenizer);

    /**
     * The response in a decoded generation: cut where the model starts a new turn of a plain template.
     *
     * @param decoded the generated text, special tokens dropped
     * @return the response
     */
    String response(String decoded);
}
