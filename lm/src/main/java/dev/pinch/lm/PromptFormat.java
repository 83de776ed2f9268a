package dev.pinch.lm;

import java.util.Arrays;
import java.util.List;

/**
 * A plain instruction/response template, and how a training example becomes tokens with a loss mask. The prompt
 * starts with BOS when the tokenizer adds one ({@link PinchTokenizer#bosToAdd()}); the response ends with EOS.
 *
 * @param template the prompt text with an {@value #SLOT} placeholder; the response follows it directly
 */
public record PromptFormat(String template) implements PromptEncoder {

    /** The placeholder replaced by the instruction. */
    public static final String SLOT = "{instruction}";

    /** Pinch's default template: a plain instruction/response format. */
    public static final String DEFAULT_TEMPLATE = "### Instruction:\n{instruction}\n\n### Response:\n";

    /** Validates the template. */
    public PromptFormat {
        if (template == null || !template.contains(SLOT)) {
            throw new IllegalArgumentException("The prompt template must contain " + SLOT + ": " + template);
        }
    }

    /** @return the default format */
    public static PromptFormat defaults() {
        return new PromptFormat(DEFAULT_TEMPLATE);
    }

    /**
     * Token ids of one example and which of them carry the loss.
     *
     * @param ids prompt tokens, then response tokens, then EOS (unless the response was truncated)
     * @param responseMask 1 on response tokens and the EOS, 0 on prompt tokens
     * @param truncated whether the example was cut to fit
     */
    public record Encoded(int[] ids, int[] responseMask, boolean truncated) {

        /** @return the number of tokens */
        public int length() {
            return ids.length;
        }

        /** @return the number of tokens with loss */
        public int responseTokens() {
            return Arrays.stream(responseMask).sum();
        }

        /**
         * Joins a prompt and a response, cutting them to {@code maxLen}: the prompt keeps at most its last
         * {@code maxLen/2} tokens (so the response marker stays next to the response), the response is cut to fit and
         * loses its end.
         *
         * @param prompt the prompt's ids (mask 0)
         * @param response the response's ids (mask 1)
         * @param end an id appended to the response (mask 1), or -1 for none (when the response carries its end)
         * @param maxLen the most tokens (>= 2)
         * @return the example
         */
        public static Encoded of(int[] prompt, int[] response, int end, int maxLen) {
            if (maxLen < 2) {
                throw new IllegalArgumentException("maxLen must be at least 2: " + maxLen);
            }
            int[] answer = end < 0 ? response : Arrays.copyOf(response, response.length + 1);
            if (end >= 0) {
                answer[response.length] = end;
            }
            boolean fits = prompt.length + answer.length <= maxLen;
            if (!fits && prompt.length > maxLen / 2) {
                int keep = Math.max(maxLen / 2, maxLen - answer.length);
                prompt = Arrays.copyOfRange(prompt, prompt.length - keep, prompt.length);
            }
            int answerLen = Math.min(answer.length, maxLen - prompt.length);
            int n = prompt.length + answerLen;
            int[] ids = Arrays.copyOf(prompt, n);
            System.arraycopy(answer, 0, ids, prompt.length, answerLen);
            int[] mask = new int[n];
            Arrays.fill(mask, prompt.length, n, 1);
            return new Encoded(ids, mask, !fits);
        }
    }

    /**
     * Renders the prompt for an instruction.
     *
     * @param instruction the instruction
     * @return the prompt text
     */
    public String render(String instruction) {
        return template.replace(SLOT, instruction);
    }

    /**
     * Tokens of the prompt for generation: BOS when the tokenizer adds one, then the rendered template.
     *
     * @param tokenizer the tokenizer
     * @param instruction the instruction
     * @return the prompt's token ids
     */
    @Override
    public int[] encodePrompt(PinchTokenizer tokenizer, String instruction) {
        int[] text = tokenizer.encode(render(instruction));
        int bos = tokenizer.bosToAdd();
        if (bos < 0) {
            return text;
        }
        int[] ids = new int[text.length + 1];
        ids[0] = bos;
        System.arraycopy(text, 0, ids, 1, text.length);
        return ids;
    }

    /** Prompt tokens (mask 0), response tokens and EOS (mask 1); see {@link Encoded#of}. */
    @Override
    public Encoded encodeExample(PinchTokenizer tokenizer, String instruction, String response, int maxLen) {
        return Encoded.of(encodePrompt(tokenizer, instruction), tokenizer.encode(response), tokenizer.eosId(), maxLen);
    }

    @Override
    public List<Integer> stopIds(PinchTokenizer tokenizer) {
        return List.of(tokenizer.eosId());
    }

    /** Cuts the text where the model starts a new turn: the template's text before the slot, when it is distinctive. */
    @Override
    public String response(String decoded) {
        String head = template.substring(0, template.indexOf(SLOT)).strip();
        int cut = head.length() >= 3 ? decoded.indexOf(head) : -1;
        return (cut >= 0 ? decoded.substring(0, cut) : decoded).strip();
    }
}
