package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Next-token cross-entropy restricted to target positions: logits at position t − 1 predict token t, and
 * only positions whose target weight is 1 count (response tokens and EOS in SFT; all tokens when
 * pretraining). Computed with log-softmax in fp32, whatever the logits' precision. The trainer's loss (its
 * training steps and dev loss); a mean is this sum divided by the number of targets.
 */
public final class MaskedLmLoss {

    private MaskedLmLoss() {
    }

    /**
     * Summed negative log-likelihood over target positions (a scalar): divide by the number of targets
     * for the masked mean.
     *
     * @param logits  [B, T, V]
     * @param ids     [B, T] int64 token ids
     * @param targets [B, T] fp32 weights, 1 where {@code ids[b, t]} is a target
     */
    public static NDArray nllSum(NDArray logits, NDArray ids, NDArray targets) {
        return nllSum(logits, ids, targets, 0);
    }

    /**
     * The same over a run of positions: {@code logits} {@code [B, n, V]} are those of positions
     * {@code from .. from + n - 1}, which predict tokens {@code from + 1 ..}; the last position has nothing to predict.
     */
    public static NDArray nllSum(NDArray logits, NDArray ids, NDArray targets, int from) {
        long n = Math.min(logits.getShape().get(1), ids.getShape().get(1) - 1 - from);
        NDArray shifted = logits.get(":, 0:" + Math.max(0, n) + ", :");
        if (n <= 0) {
            return shifted.sum();
        }
        if (shifted.getDataType() != DataType.FLOAT32) {
            shifted = shifted.toType(DataType.FLOAT32, false);
        }
        NDArray logProbs = shifted.logSoftmax(-1);
        String next = ":, " + (from + 1) + ":" + (from + 1 + n);
        NDArray picked = logProbs.gather(ids.get(next).expandDims(-1), -1).squeeze(-1);
        return picked.mul(targets.get(next)).sum().neg();
    }
}
