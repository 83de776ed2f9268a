package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Collection;

/**
 * Training helpers: the next-token cross-entropy restricted to a loss mask, and gradient bookkeeping.
 *
 * <p>Gradients: call {@link #requireGradients} once, run the forward and the loss inside
 * {@code Engines.engine().newGradientCollector()}, call {@code collector.backward(loss)}, close the
 * collector, then update the parameters (outside the collector: in-place updates of leaves that require
 * gradients are only allowed with grad mode off). libtorch accumulates gradients across backward calls
 * (DJL's collector does not zero them), which gives gradient accumulation for free; call
 * {@link #zeroGradients} after each optimizer step. {@code param.getGradient()} returns a new handle
 * owned by the model's manager on every call: close it after use.
 */
public final class LmLoss {

    private LmLoss() {}

    /**
     * Mean cross-entropy of predicting {@code ids[:, t+1]} from position {@code t}, over the target positions
     * where {@code lossMask[:, t+1] == 1} (e.g. {@link PromptFormat.Encoded#responseMask()}; 0 on padding).
     *
     * @param logits {@code [B, T, V]} fp32 logits of {@code ids}
     * @param ids {@code [B, T]} the input ids
     * @param lossMask {@code [B, T]} 1 where a token is a target, 0 elsewhere
     * @return the scalar mean loss (NaN-free: 0 when the mask is empty), in the manager of {@code logits}
     */
    public static NDArray nextTokenLoss(NDArray logits, NDArray ids, NDArray lossMask) {
        NDArray logp = logits.get(new NDIndex(":, :-1, :")).logSoftmax(2);
        NDArray targets = ids.get(new NDIndex(":, 1:")).toType(DataType.INT64, false).expandDims(2);
        NDArray mask = lossMask.get(new NDIndex(":, 1:")).toType(DataType.FLOAT32, false);
        NDArray picked = logp.gather(targets, 2).squeeze(2);
        NDArray total = picked.mul(mask).sum().neg();
        return total.div(mask.sum().maximum(1f));
    }

    /**
     * Marks every parameter as requiring a gradient.
     *
     * @param model the model
     */
    public static void requireGradients(LlamaModel model) {
        model.parameters().values().forEach(p -> p.setRequiresGradient(true));
    }

    /**
     * Sets the accumulated gradients of the parameters to zero (in place, no new arrays).
     *
     * @param params the parameters
     */
    public static void zeroGradients(Collection<NDArray> params) {
        for (NDArray p : params) {
            if (p.hasGradient()) {
                JniUtils.zeroGrad((PtNDArray) p);
            }
        }
    }
}
