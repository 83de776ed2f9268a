package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.pinch.lm.cpu.MklThreads;

/**
 * Scaled dot-product attention with grouped-query heads, written with two batched matmuls and one
 * softmax. Instead of repeating each key/value head {@code H/KV} times (transformers' {@code repeat_kv}),
 * the queries of a group are folded into the sequence axis: {@code [B, H, T, d] -> [B, KV, (H/KV)*T, d]},
 * which gives the same result without copying keys and values. Scores are scaled by
 * {@code 1/sqrt(query_pre_attn_scalar)} (head_dim by default) and soft-capped when the family says so.
 */
final class Attention {

    private Attention() {}

    /**
     * Computes {@code softmax(softcap(q k^T * scale) + mask) v}.
     *
     * @param q queries {@code [B, H, T, d]}, rotated
     * @param k keys {@code [B, KV, S, d]}, rotated (may be owned by the cache)
     * @param v values {@code [B, KV, S, d]} (may be owned by the cache)
     * @param step the forward step (masks, shapes, scope)
     * @param layer the layer index (its mask: sliding or global)
     * @return {@code [B, T, H*d]} in the manager of {@code q}
     */
    static NDArray forward(NDArray q, NDArray k, NDArray v, ForwardStep step, int layer) {
        LlamaConfig c = step.config();
        long b = step.batch();
        long t = step.length();
        int heads = c.numAttentionHeads();
        int kvHeads = c.numKeyValueHeads();
        int d = c.headDim();
        long s = k.getShape().get(2);
        DataType type = q.getDataType();
        NDArray kt = k.transpose(0, 1, 3, 2);
        kt.attach(step.scope()); // a view of cached keys must not stay in the cache's manager
        NDArray scale = step.scalar(1.0 / Math.sqrt(c.options().queryPreAttnScalar()), q);
        NDArray grouped = q.mul(scale).reshape(b, kvHeads, (heads / kvHeads) * t, d);
        if (!q.getDevice().isGpu()) { // both products: (B·KV·G·T) x d x S and (B·KV·G·T) x S x d
            MklThreads.forProduct(b * heads * t, d, s);
        }
        NDArray scores = grouped.matMul(kt);
        if (type != DataType.FLOAT32) {
            scores = scores.toType(DataType.FLOAT32, false);
        }
        scores = softcap(scores, c.options().attnSoftcap(), step);
        NDArray mask = step.mask(layer);
        if (mask != null) {
            scores = scores.reshape(b, heads, t, s).add(mask).reshape(b, kvHeads, (heads / kvHeads) * t, s);
        }
        NDArray probs = scores.softmax(-1);
        if (type != DataType.FLOAT32) {
            probs = probs.toType(type, false);
        }
        return probs.matMul(v).reshape(b, heads, t, d).transpose(0, 2, 1, 3).reshape(b, t, (long) heads * d);
    }

    /**
     * Gemma's soft-capping {@code cap * tanh(x / cap)}.
     *
     * @param x scores or logits
     * @param cap the cap; 0 returns {@code x} unchanged
     * @param step the forward step (for the scalar)
     * @return the capped array
     */
    static NDArray softcap(NDArray x, double cap, ForwardStep step) {
        if (cap == 0) {
            return x;
        }
        NDArray c = step.scalar(cap, x);
        return x.div(c).tanh().mul(c);
    }
}
