package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * One training forward and backward, in two parts joined by hand (DJL has no custom autograd functions):
 * <ul>
 *   <li><b>the head and loss in runs</b> ({@link LossHeads}): the final hidden states are detached into a leaf; for
 *       each run of at most {@code maxLogits / (B * vocab)} positions, the norm, LM head and loss run with a graph and are
 *       back-propagated at once, accumulating into the leaf's gradient and the head's; so the vocabulary-sized
 *       tensors of one run are alive at a time (for Qwen2.5's 151,936-token vocabulary at 2 × 512 tokens, 0.6 GB
 *       each for the whole batch); or, for a {@link TargetLoss}, for the hidden states of its positions only,
 *       gathered (in SFT most positions are the prompt's, whose logits no loss needs);</li>
 *   <li><b>the decoder layers</b>: either a plain graph, back-propagated from the leaf's gradient, or with
 *       activation checkpointing (as {@code torch.utils.checkpoint} does): the forward runs without a graph and
 *       keeps each layer's input {@code [B, T, hidden]}; then, from the last layer down, one layer's forward is
 *       recomputed with a graph from its saved input, the incoming gradient back-propagated through it into its
 *       parameters and its input, and the graph freed. At most one layer's graph is alive at a time.</li>
 * </ul>
 * Gradients accumulate into the parameters (and adapter tensors) that require them, as with a plain backward.
 */
final class TrainingBackward {

    static final long MAX_LOGITS = LlamaModel.LOGITS_PER_RUN;

    private TrainingBackward() {
    }

    /**
     * @param scale the gradient of the loss (e.g. 1 / number of targets): gradients are those of
     *     {@code scale * sum of the runs' losses}
     * @return the sum of the runs' losses (unscaled)
     */
    static double run(Decoder d, NDArray ids, ChunkLoss loss, float scale, boolean checkpointing, long maxLogits) {
        Shape shape = ids.getShape();
        long perRun = maxLogits == MAX_LOGITS ? LlamaModel.positionsPerRun(shape.get(0), d.vocabSize())
                : Math.max(1, maxLogits / Math.max(1, shape.get(0) * d.vocabSize()));
        return run(d, ids, checkpointing, LossHeads.dense(d, loss, scale, perRun));
    }

    /**
     * As {@link #run(Decoder, NDArray, ChunkLoss, float, boolean, long)} for a loss at listed positions: the head
     * runs on the hidden states of those positions only, gathered, at most {@code maxLogits / vocab} a run.
     */
    static double run(Decoder d, NDArray ids, TargetLoss loss, float scale, boolean checkpointing, long maxLogits) {
        long perRun = Math.max(1, maxLogits / d.vocabSize());
        return run(d, ids, checkpointing, LossHeads.picked(d, loss, scale, perRun));
    }

    private static double run(Decoder d, NDArray ids, boolean checkpointing, LossHeads.Head head) {
        Shape shape = ids.getShape();
        int t = Math.toIntExact(shape.get(1));
        boolean previous = JniUtils.isGradMode();
        try (NDManager scope = ids.getManager().newSubManager()) {
            JniUtils.setGradMode(true);
            NDArray tok = ids.toType(DataType.INT64, true);
            tok.attach(scope);
            ForwardStep step = d.training(shape.get(0), t, scope);
            NDArray embedded = d.embed(tok, step);
            NDArray[] inputs = checkpointing ? new NDArray[d.layerCount()] : null;
            NDArray h = embedded;
            if (checkpointing) {
                JniUtils.setGradMode(false);
                h = embedded.duplicate();
            }
            for (int i = 0; i < d.layerCount(); i++) {
                if (checkpointing) {
                    inputs[i] = detached(h, scope, false);
                    h.close();
                    h = d.layer(i, detached(inputs[i], scope, false), step, scope);
                } else {
                    h = d.layer(i, h, step, scope);
                }
            }
            JniUtils.setGradMode(true);
            double value;
            NDArray grad;
            try (NDManager own = scope.newSubManager()) {
                NDArray x = detached(checkpointing ? h : h.duplicate(), own, true);
                if (checkpointing) {
                    h.close();
                }
                value = head.backward(x, step, own);
                grad = gradientOf(x, scope);
            }
            if (checkpointing) {
                for (int i = inputs.length - 1; i >= 0; i--) {
                    try (NDManager own = scope.newSubManager()) {
                        NDArray x = detached(inputs[i], own, true);
                        inputs[i].close();
                        NDArray out = d.block(i, x, step);
                        JniUtils.backward((PtNDArray) out, (PtNDArray) grad, false, false);
                        grad.close();
                        grad = gradientOf(x, scope);
                    }
                }
                h = embedded;
            }
            if (!checkpointing || d.embeddingTrained()) {
                JniUtils.backward((PtNDArray) h, (PtNDArray) grad, false, false);
            }
            return value;
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    /**
     * A new handle on {@code a}'s storage without its graph, in {@code into}; a fresh leaf when {@code leaf}.
     * DJL's {@code stopGradient} detaches the tensor itself too, so it is only used on arrays whose graph is not
     * needed, or whose graph another handle keeps (the embeddings are copied first when checkpointing).
     */
    private static NDArray detached(NDArray a, NDManager into, boolean leaf) {
        NDArray d = a.stopGradient();
        d.attach(into);
        if (leaf) {
            d.setRequiresGradient(true);
        }
        return d;
    }

    private static NDArray gradientOf(NDArray leaf, NDManager into) {
        NDArray g = leaf.getGradient();
        g.attach(into);
        return g;
    }
}
