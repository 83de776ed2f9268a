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
        NDArray shifted = logits.get(":, :-1, :");
        if (shifted.getDataType() != DataType.FLOAT32) {
            shifted = shifted.toType(DataType.FLOAT32, false);
        }
        NDArray logProbs = shifted.logSoftmax(-1);
        NDArray next = ids.get(":, 1:").expandDims(-1);
        NDArray picked = logProbs.gather(next, -1).squeeze(-1);
        return picked.mul(targets.get(":, 1:")).sum().neg();
    }
}
