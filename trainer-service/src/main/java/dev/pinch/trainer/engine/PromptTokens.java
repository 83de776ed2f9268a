package dev.pinch.trainer.engine;

import dev.pinch.lm.PinchTokenizer;
import dev.pinch.lm.PromptEncoder;
import dev.pinch.lm.PromptFormat;

/**
 * The {@code lm} module's tokenizer and prompt format (a plain template or the model's chat template) as a
 * {@link TrainingTokenizer}: examples are encoded exactly as the evaluator will prompt the model
 * ({@link PromptEncoder#encodeExample}).
 */
record PromptTokens(PinchTokenizer tokenizer, PromptEncoder format) implements TrainingTokenizer {

    @Override
    public TokenSequence example(String instruction, String response, int maxLen) {
        PromptFormat.Encoded e = format.encodeExample(tokenizer, instruction, response, maxLen);
        byte[] targets = new byte[e.length()];
        for (int i = 1; i < targets.length; i++) {
            targets[i] = (byte) e.responseMask()[i];
        }
        return new TokenSequence(e.ids(), targets);
    }

    @Override
    public int[] encode(String text) {
        return tokenizer.encode(text);
    }

    @Override
    public int eosId() {
        return tokenizer.eosId();
    }

    @Override
    public int padId() {
        return tokenizer.padId();
    }

    @Override
    public int vocabSize() {
        return tokenizer.vocabSize();
    }
}
