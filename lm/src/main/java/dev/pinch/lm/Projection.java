package dev.pinch.lm;

import ai.djl.ndarray.NDArray;

/**
 * A decoder block's projection {@code x @ w^T + b}, plus the LoRA update {@code scaling * B(A(dropout(x)))}
 * when the forward's adapter targets {@code w} (PEFT's {@code lora.Linear.forward}; dropout only in a training
 * forward, with the adapter's reproducible masks: {@link LoraAdapter#dropout}).
 */
final class Projection {

    private Projection() {
    }

    static NDArray apply(NDArray x, NDArray w, NDArray b, ForwardStep step) {
        NDArray y = DecoderLayer.linear(x, w, b);
        LoraAdapter lora = step.lora();
        LoraPair pair = lora == null ? null : lora.pairOf(w);
        if (pair == null) {
            return y;
        }
        NDArray in = x;
        double p = lora.spec().dropout();
        if (p > 0 && step.train()) {
            in = lora.dropout(x, pair, (float) p);
        }
        NDArray update = DecoderLayer.linear(DecoderLayer.linear(in, pair.a(), null), pair.b(), null);
        return y.add(update.mul(step.scalar(lora.spec().scaling(), update)));
    }
}
