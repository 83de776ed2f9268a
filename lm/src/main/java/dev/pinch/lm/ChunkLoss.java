package dev.pinch.lm;

import ai.djl.ndarray.NDArray;

/**
 * A training loss computed over the logits of a run of positions at a time, so that the vocabulary-sized tensors
 * (logits, log-probabilities and their gradients) of a whole batch never exist at once.
 */
@FunctionalInterface
public interface ChunkLoss {

    /**
     * The scalar to differentiate for one run of positions; the loss of the batch is the sum over its runs.
     *
     * @param logits fp32 logits {@code [B, n, vocab]} of positions {@code from .. from + n - 1}
     * @param from the first position
     * @return a scalar
     */
    NDArray apply(NDArray logits, int from);
}
