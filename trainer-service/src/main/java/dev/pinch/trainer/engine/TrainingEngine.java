package dev.pinch.trainer.engine;

import java.util.function.BooleanSupplier;

/**
 * Trains a decoder language model. The service layer owns runs, events and the artifact store; the
 * engine owns tensors. Both methods block, run on a worker thread, and resume from
 * {@code job.resumeFrom()} when it is set (weights, optimizer moments, scheduler step, data cursor, RNG).
 */
public interface TrainingEngine {

    /** Supervised fine-tuning on one mix (loss on response tokens only). */
    TrainingOutcome train(TrainingJob job, TrainingCallbacks callbacks, BooleanSupplier cancelled) throws Exception;

    /**
     * Causal-LM pretraining of a fresh model on raw text: how the built-in base model is made. Unless cancelled, the
     * outcome's final checkpoint is the model's release ({@link BuiltinRelease}: fp16 weights and held-out loss).
     */
    TrainingOutcome pretrain(PretrainJob job, TrainingCallbacks callbacks, BooleanSupplier cancelled) throws Exception;
}
