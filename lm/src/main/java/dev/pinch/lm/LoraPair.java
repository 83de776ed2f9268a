package dev.pinch.lm;

import ai.djl.ndarray.NDArray;

/**
 * One adapted projection.
 *
 * @param module the module path, e.g. {@code model.layers.0.self_attn.q_proj}
 * @param a {@code lora_A.weight} {@code [rank, in]}
 * @param b {@code lora_B.weight} {@code [out, rank]}
 * @param index its position among the adapter's pairs, which salts its dropout masks
 */
record LoraPair(String module, NDArray a, NDArray b, int index) {
}
