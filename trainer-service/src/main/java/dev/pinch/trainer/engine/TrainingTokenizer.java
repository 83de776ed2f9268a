package dev.pinch.trainer.engine;

/** What training needs from a tokenizer and prompt format; {@link LlamaLm} adapts the {@code lm} module's. */
interface TrainingTokenizer {

    /**
     * One instruction-tuning example in the prompt format, at most {@code maxLen} tokens, with targets on
     * the response tokens and the closing EOS.
     */
    TokenSequence example(String instruction, String response, int maxLen);

    /** Plain text, without special tokens. */
    int[] encode(String text);

    int eosId();

    int padId();

    /** Token ids run from 0 to {@code vocabSize() - 1}. */
    int vocabSize();
}
