package dev.pinch.lm;

import dev.pinch.lm.chat.ChatTemplate;
import dev.pinch.lm.chat.ChatTemplate.Message;
import dev.pinch.lm.chat.TemplateException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prompts through the model's own chat template, as transformers' {@code apply_chat_template} does: the prompt is
 * the instruction as a user turn with the generation prompt; a training example is the conversation with the
 * response as the assistant turn, and only the assistant turn (through its end-of-turn token) carries the loss.
 * The rendered text is tokenized without added special tokens: BOS is there only when the template writes it.
 * Qwen3's thinking is off ({@code enable_thinking=false}): the turn has an empty think block and then the answer.
 */
public final class ChatFormat implements PromptEncoder {

    private static final Map<String, Object> CONTEXT = Map.of("enable_thinking", false);

    private final ChatTemplate template;

    /**
     * @param template the chat template
     */
    public ChatFormat(ChatTemplate template) {
        this.template = template;
    }

    /**
     * The chat template of a model directory.
     *
     * @param modelDir the directory (tokenizer_config.json's {@code chat_template}, or chat_template.jinja)
     * @return the format
     * @throws IllegalArgumentException when the model has no chat template
     */
    public static ChatFormat load(Path modelDir) {
        return new ChatFormat(ChatTemplate.load(modelDir).orElseThrow(() -> new IllegalArgumentException(
                "promptTemplate 'chat' needs a chat template, and " + modelDir + " has none (tokenizer_config.json "
                        + "chat_template or " + ChatTemplate.JINJA_FILE + ")")));
    }

    /**
     * @param instruction the instruction
     * @return the prompt text: a user turn and the opening of the assistant turn
     */
    public String prompt(String instruction) {
        return template.render(List.of(Message.user(instruction)), true, CONTEXT);
    }

    /**
     * @param instruction the instruction
     * @param response the response
     * @return the text of the assistant turn (after {@link #prompt}), through its end-of-turn marker
     */
    public String completion(String instruction, String response) {
        String prompt = prompt(instruction);
        String full = template.render(List.of(Message.user(instruction), Message.assistant(response)), false, CONTEXT);
        if (!full.startsWith(prompt)) {
            throw new TemplateException("the chat template's conversation does not start with its generation prompt, "
                    + "so the assistant turn cannot be told apart: " + full);
        }
        return full.substring(prompt.length());
    }

    @Override
    public int[] encodePrompt(PinchTokenizer tokenizer, String instruction) {
        return tokenizer.encode(prompt(instruction));
    }

    @Override
    public PromptFormat.Encoded encodeExample(PinchTokenizer tokenizer, String instruction, String response, int maxLen) {
        return PromptFormat.Encoded.of(encodePrompt(tokenizer, instruction),
                tokenizer.encode(completion(instruction, response)), -1, maxLen);
    }

    /** EOS and the template's end-of-turn token: the first token after the assistant's text in its turn. */
    @Override
    public List<Integer> stopIds(PinchTokenizer tokenizer) {
        String marker = "\u2063";
        String turn = completion("?", marker);
        int[] after = tokenizer.encode(turn.substring(turn.lastIndexOf(marker) + marker.length()));
        if (after.length == 0) {
            throw new TemplateException("the chat template writes nothing after the assistant's text: no end-of-turn token");
        }
        List<Integer> ids = new ArrayList<>(List.of(after[0]));
        if (tokenizer.eosId() != after[0]) {
            ids.add(tokenizer.eosId());
        }
        return ids;
    }

    @Override
    public String response(String decoded) {
        return decoded.strip();
    }
}
