package dev.pinch.trainer.engine;

import java.nio.file.Path;

/** What the engine reports while it trains. Called on the training thread; implementations must be quick. */
public interface TrainingCallbacks {

    /** Every {@code settings.progressEvery()} optimizer steps. */
    void progress(Progress progress);

    /**
     * A complete checkpoint directory (config.json, model.safetensors, tokenizer.json, trainer_state.json,
     * optimizer state) was written and fsynced under the job's work dir. The service publishes it.
     */
    void checkpoint(Checkpoint checkpoint) throws Exception;

    /**
     * @param devLoss mean held-out loss at this step, or NaN when not evaluated at this step
     * @param paddingFraction share of padded positions in the batches so far
     * @param skippedSteps    steps of the run so far skipped for a non-finite loss or gradient norm
     */
    record Progress(long step, long totalSteps, int epoch, double loss, double devLoss, double tokensPerSecond,
            double learningRate, double stepMillis, double paddingFraction, long skippedSteps) {
    }

    record Checkpoint(Path dir, long step, boolean isFinal, String device, String precision) {
    }
}
