package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Scaled dot-product attention with grouped-query heads, written with two batched matmuls and one
 * softmax. Instead of repeating each key/value head {@code H/KV} times (transformers' {@code repeat_kv}),
 * the queries of a group are folded into the sequence axis: {@code [B, H, T, d] -> [B, KV, (H/KV)*T, d]},
 * which gives the same result without copying keys and values.
 */
final class Attention {

    private Attention() {}

    /**
     * Computes {@code softmax(q k^T / sqrt(d) + mask) v}.
     *
     * @param q queries {@code [B, H, T, d]}, rotated
     * @param k keys {@code [B, KV, S, d]}, rotated (may be owned by the cache)
     * @param v values {@code [B, KV, S, d]} (may be owned by the cache)
     * @param step the forward step (mask, shapes, scope)
     * @return {@code [B, T, H*d]} in the manager of {@code q}
     */
    static NDArray forward(NDArray q, NDArray k, NDArray v, ForwardStep step) {
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
        // The scale is a libtorch-owned scalar, not q.mul(float): DJL wraps a Java number in a tensor over a Java
        // direct buffer and frees it right after the call, but autograd keeps that tensor for the backward pass,
        // which then reads freed memory (NaN gradients once a GC has run in between).
        NDArray scale = step.scope().full(new Shape(), (float) (1.0 / Math.sqrt(d)), type);
        NDArray grouped = q.mul(scale).reshape(b, kvHeads, (heads / kvHeads) * t, d);
        NDArray scores = grouped.matMul(kt);
        if (type != DataType.FLOAT32) {
            scores = scores.toType(DataType.FLOAT32, false);
        }
        if (step.mask() != null) {
            scores = scores.reshape(b, heads, t, s).add(step.mask()).reshape(b, kvHeads, (heads / kvHeads) * t, s);
        }
        NDArray probs = scores.softmax(-1);
        if (type != DataType.FLOAT32) {
            probs = probs.toType(type, false);
        }
        return probs.matMul(v).reshape(b, heads, t, d).transpose(0, 2, 1, 3).reshape(b, t, (long) heads * d);
    }
}
