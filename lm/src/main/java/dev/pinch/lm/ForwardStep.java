package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * What every layer of one forward call shares.
 *
 * @param config the model config
 * @param batch B
 * @param length T, the number of new tokens
 * @param rope {cos, sin} broadcastable to {@code [B, heads, T, d]}
 * @param mask additive attention mask broadcastable to {@code [B, heads, T, S]} (0 or -1e9, fp32), or
 *     null when every query may see every key
 * @param cache the KV cache, or null
 * @param scope the manager that owns this call's temporaries
 */
record ForwardStep(LlamaConfig config, long batch, long length, NDArray[] rope, NDArray mask, KvCache cache,
        NDManager scope) {}
