package dev.pinch.events.settings;

/**
 * Upper bounds on the settings that decide how long a run or an evaluation holds a worker. The dataset-service
 * checks every arriving experiment against its configured bounds ({@code pinch.dataset.max-*}, documented there,
 * defaults {@link #DEFAULTS}); the trainer and the evaluator parse events without them ({@link #NONE}) and rely on
 * the stored experiment the dataset-service accepted.
 *
 * @param maxSteps           training.maxSteps
 * @param maxEpochs          training.epochs
 * @param maxBatchSize       training.batchSize and eval.batchSize
 * @param maxSeqLen          training.maxSeqLen
 * @param maxNewTokens       eval.maxNewTokens
 * @param maxPromptsPerLanguage eval.maxPromptsPerLanguage
 */
public record SettingsLimits(int maxSteps, int maxEpochs, int maxBatchSize, int maxSeqLen, int maxNewTokens,
        int maxPromptsPerLanguage) {

    /** The documented defaults: 1,000,000 steps, 100 epochs, batch 1,024, 32,768 tokens, 4,096 new tokens, 10,000 prompts. */
    public static final SettingsLimits DEFAULTS = new SettingsLimits(1_000_000, 100, 1024, 32_768, 4096, 10_000);

    /** No bounds beyond the types'. */
    public static final SettingsLimits NONE = new SettingsLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
}
