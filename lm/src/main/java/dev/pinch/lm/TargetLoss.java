package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Weighted next-token cross-entropy at listed positions only: the loss of a batch whose targets are few. In SFT the
 * prompt is most of a sequence and only the response counts, so the head (final norm, LM head, log-softmax over the
 * vocabulary) need not run at the prompt's positions at all; {@link LlamaModel#backward(NDArray, TargetLoss, float,
 * boolean)} runs it at these positions only. Its value and gradients are those of {@link MaskedLmLoss#nllSum} over
 * the dense weights ({@link #denseWeights}).
 *
 * @param positions the flat positions {@code b × T + t} whose logits predict a target (row-major over {@code [B, T]}),
 *                  ascending
 * @param tokens    the token each predicts: {@code ids[b, t + 1]}
 * @param weights   each target's weight in the summed loss
 *                  (the arrays are the record's components as given: it has no value equality)
 */
public record TargetLoss(long[] positions, long[] tokens, float[] weights) {

    public TargetLoss {
        if (positions.length != tokens.length || positions.length != weights.length) {
            throw new IllegalArgumentException("positions, tokens and weights differ in length: "
                    + positions.length + ", " + tokens.length + ", " + weights.length);
        }
    }

    /**
     * The targets of dense ids and weights, row-major {@code [rows, cols]}: weight {@code w[b, t]} (t ≥ 1) makes the
     * position {@code (b, t − 1)} predict {@code ids[b, t]}; a weight at {@code t = 0} predicts nothing and is ignored.
     */
    public static TargetLoss of(long[] ids, float[] weights, int rows, int cols) {
        int n = 0;
        for (int i = 0; i < weights.length; i++) {
            n += i % cols > 0 && weights[i] != 0 ? 1 : 0;
        }
        long[] positions = new long[n];
        long[] tokens = new long[n];
        float[] w = new float[n];
        int k = 0;
        for (int i = 0; i < rows * cols; i++) {
            if (i % cols > 0 && weights[i] != 0) {
                positions[k] = i - 1;
                tokens[k] = ids[i];
                w[k++] = weights[i];
            }
        }
        return new TargetLoss(positions, tokens, w);
    }

    /** The same weights, dense {@code [rows, cols]} as {@link MaskedLmLoss#nllSum} takes them. */
    public float[] denseWeights(int rows, int cols) {
        float[] dense = new float[rows * cols];
        for (int k = 0; k < positions.length; k++) {
            dense[Math.toIntExact(positions[k] + 1)] = weights[k];
        }
        return dense;
    }

    int size() {
        return positions.length;
    }

    /**
     * The summed weighted NLL of targets {@code from .. from + n − 1}, from their fp32 logits {@code [n, V]}.
     */
    NDArray nllSum(NDArray logits, int from, NDManager manager) {
        int to = from + Math.toIntExact(logits.getShape().get(0));
        NDArray next = manager.create(Arrays.copyOfRange(tokens, from, to), new Shape(to - from, 1));
        NDArray w = manager.create(Arrays.copyOfRange(weights, from, to));
        NDArray logProbs = (logits.getDataType() == DataType.FLOAT32 ? logits
                : logits.toType(DataType.FLOAT32, false)).logSoftmax(-1);
        return logProbs.gather(next, -1).squeeze(-1).mul(w).sum().neg();
    }
}
