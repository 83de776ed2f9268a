package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.UnaryOperator;

/**
 * Forward and backward with activation checkpointing per decoder layer (as {@code torch.utils.checkpoint}
 * does, chained by hand because DJL has no custom autograd functions): the forward runs without a graph and
 * keeps only each layer's input {@code [B, T, hidden]}; backward runs the head and loss with a graph, then,
 * from the last layer down, recomputes one layer's forward with a graph from its saved input, back-propagates
 * the incoming gradient through it into its parameters and its input, and frees it. At most one layer's
 * graph is alive at a time. Gradients accumulate into the parameters as with a plain backward.
 */
final class CheckpointedBackward {

    private CheckpointedBackward() {
    }

    static float run(Decoder d, NDArray ids, UnaryOperator<NDArray> lossOf) {
        Shape shape = ids.getShape();
        boolean previous = JniUtils.isGradMode();
        try (NDManager scope = ids.getManager().newSubManager()) {
            JniUtils.setGradMode(true);
            NDArray tok = ids.toType(DataType.INT64, true);
            tok.attach(scope);
            ForwardStep step = d.training(shape.get(0), Math.toIntExact(shape.get(1)), scope);
            NDArray embedded = d.embed(tok, step);
            NDArray[] inputs = new NDArray[d.layerCount()];
            JniUtils.setGradMode(false);
            NDArray h = embedded.duplicate();
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = detached(h, scope, false);
                h.close();
                h = d.layer(i, detached(inputs[i], scope, false), step, scope);
            }
            JniUtils.setGradMode(true);
            float loss;
            NDArray grad;
            try (NDManager own = scope.newSubManager()) {
                NDArray x = detached(h, own, true);
                h.close();
                NDArray value = lossOf.apply(d.head(x, step));
                JniUtils.backward((PtNDArray) value, (PtNDArray) value.onesLike(), false, false);
                loss = value.getFloat();
                grad = gradientOf(x, scope);
            }
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
            if (d.embeddingTrained()) {
                JniUtils.backward((PtNDArray) embedded, (PtNDArray) grad, false, false);
            }
            return loss;
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    /**
     * A new handle on {@code a}'s storage without its graph, in {@code into}; a fresh leaf when {@code leaf}.
     * DJL's {@code stopGradient} detaches the tensor itself too, so it is only used on arrays whose graph is not
     * needed (the embeddings are copied first).
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
