package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * What every layer of one forward call shares.
 *
 * @param config the model config
 * @param batch B
 * @param length T, the number of new tokens
 * @param rope {cos, sin} of global layers, broadcastable to {@code [B, heads, T, d]}
 * @param localRope {cos, sin} of sliding layers, or null when they use the global ones
 * @param mask additive attention mask of global layers, broadcastable to {@code [B, heads, T, S]} (0 or -1e9,
 *     fp32), or null when every query may see every key
 * @param slidingMask the same for sliding layers (also excluding keys outside the window), or null
 * @param cache the KV cache, or null
 * @param scope the manager that owns this call's temporaries
 * @param lora the LoRA adapter applied to the projections, or null
 * @param train whether this is a training forward, in which the adapter's dropout applies (also in the graph-free
 *     first pass of activation checkpointing, so that the recomputed layers see the same masks)
 */
record ForwardStep(LlamaConfig config, long batch, long length, NDArray[] rope, NDArray[] localRope, NDArray mask,
        NDArray slidingMask, KvCache cache, NDManager scope, LoraAdapter lora, boolean train) {

    /** @return the rotary tables of a layer */
    NDArray[] rope(int layer) {
        return localRope != null && config.options().sliding(layer) ? localRope : rope;
    }

    /** @return the additive mask of a layer, or null */
    NDArray mask(int layer) {
        return config.options().sliding(layer) ? slidingMask : mask;
    }

    /**
     * A scalar owned by libtorch in this call's scope. {@code x.mul(float)} is not used for constants: DJL wraps a
     * Java number in a tensor over a Java direct buffer and frees it right after the call, but autograd may keep
     * that tensor for the backward pass, which then reads freed memory (NaN gradients once a GC has run).
     *
     * @param value the value
     * @param like an array whose type the scalar takes
     * @return the scalar
     */
    NDArray scalar(double value, NDArray like) {
        return scope.full(new Shape(), (float) value, like.getDataType());
    }
}
