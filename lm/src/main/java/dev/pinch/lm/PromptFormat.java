package dev.pinch.lm;

import java.util.Arrays;

/**
 * The instruction/response template, and how a training example becomes tokens with a loss mask.
 *
 * @param template the prompt text with an {@value #SLOT} placeholder; the response follows it directly
 */
public record PromptFormat(String template) {

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
     * Tokens of the prompt for generation (no EOS, no special tokens).
     *
     * @param tokenizer the tokenizer
     * @param instruction the instruction
     * @return the prompt's token ids
     */
    public int[] encodePrompt(PinchTokenizer tokenizer, String instruction) {
        return tokenizer.encode(render(instruction));
    }

    /**
     * Encodes a training example: prompt tokens (mask 0), response tokens and EOS (mask 1). When it is
     * longer than {@code maxLen}, the prompt keeps at most its last {@code maxLen/2} tokens (so the response
     * marker stays next to the response), the response is cut to fit and loses its EOS.
     *
     * @param tokenizer the tokenizer
     * @param instruction the instruction
     * @param response the response
     * @param maxLen the most tokens (>= 2)
     * @return the ids and mask
     */
    public Encoded encodeExample(PinchTokenizer tokenizer, String instruction, String response, int maxLen) {
        if (maxLen < 2) {
            throw new IllegalArgumentException("maxLen must be at least 2: " + maxLen);
        }
        int[] prompt = encodePrompt(tokenizer, instruction);
        int[] answer = tokenizer.encode(response);
        boolean fits = prompt.length + answer.length + 1 <= maxLen;
        if (!fits && prompt.length > maxLen / 2) {
            int keep = Math.max(maxLen / 2, maxLen - answer.length - 1);
            prompt = Arrays.copyOfRange(prompt, prompt.length - keep, prompt.length);
        }
        int room = maxLen - prompt.length;
        boolean withEos = answer.length + 1 <= room;
        int answerLen = withEos ? answer.length : room;
        int n = prompt.length + answerLen + (withEos ? 1 : 0);
        int[] ids = new int[n];
        int[] mask = new int[n];
        System.arraycopy(prompt, 0, ids, 0, prompt.length);
        System.arraycopy(answer, 0, ids, prompt.length, answerLen);
        Arrays.fill(mask, prompt.length, n, 1);
        if (withEos) {
            ids[n - 1] = tokenizer.eosId();
        }
        return new Encoded(ids, mask, !fits);
    }
}
