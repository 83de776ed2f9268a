package dev.pinch.lm;

import java.util.Collections;
import java.util.List;

/**
 * The settings that make one decoder a Llama, a Qwen3 or a Gemma: each family is a set of these values
 * ({@link LlamaConfigJson} derives them from a {@code config.json}), never a copy of the decoder.
 *
 * @param qkNorm RMSNorm over each query and key head before RoPE ({@code q_norm}, {@code k_norm}: Qwen3, Gemma 3)
 * @param offsetNorm every RMSNorm scales by {@code 1 + w} instead of {@code w} (Gemma)
 * @param scaleEmbedding the embeddings are multiplied by {@code sqrt(hidden_size)} (Gemma)
 * @param sandwichNorms the attention output is normed ({@code post_attention_layernorm}) and the MLP has a
 *     {@code pre_feedforward_layernorm} and a {@code post_feedforward_layernorm} (Gemma 2 and 3); otherwise
 *     {@code post_attention_layernorm} is the MLP's input norm (Llama)
 * @param activation the gated MLP's activation
 * @param queryPreAttnScalar attention scores are scaled by {@code 1/sqrt(queryPreAttnScalar)} (head_dim unless
 *     Gemma's {@code query_pre_attn_scalar} says otherwise)
 * @param attnSoftcap {@code attn_logit_softcapping}: scores become {@code cap * tanh(scores / cap)}; 0 is off
 * @param finalSoftcap {@code final_logit_softcapping} on the logits; 0 is off
 * @param slidingWindow keys a sliding layer's query sees: itself and the {@code slidingWindow - 1} before it;
 *     0 when no layer slides
 * @param slidingLayers per layer, whether it uses the sliding window (empty when none does: all-false lists are
 *     stored empty, so equal settings compare equal)
 * @param localRope the rotary embedding of sliding layers (Gemma 3's {@code rope_local_base_freq}), or null
 *     when they use the global one
 */
public record DecoderOptions(boolean qkNorm, boolean offsetNorm, boolean scaleEmbedding, boolean sandwichNorms,
        Activation activation, double queryPreAttnScalar, double attnSoftcap, double finalSoftcap, int slidingWindow,
        List<Boolean> slidingLayers, RopeSpec localRope) {

    /** The gated MLP's activation. */
    public enum Activation {
        /** {@code silu} (SwiGLU). */
        SILU,
        /** {@code gelu_pytorch_tanh} (GeGLU with the tanh approximation). */
        GELU_TANH
    }

    /** Validates the settings. */
    public DecoderOptions {
        if (!(queryPreAttnScalar > 0)) {
            throw new IllegalArgumentException("query_pre_attn_scalar must be positive, was " + queryPreAttnScalar);
        }
        if (attnSoftcap < 0 || finalSoftcap < 0) {
            throw new IllegalArgumentException("soft-capping values must be positive, were " + attnSoftcap + " and "
                    + finalSoftcap);
        }
        slidingLayers = slidingLayers == null || !slidingLayers.contains(true) ? List.of()
                : Collections.unmodifiableList(List.copyOf(slidingLayers));
        if (slidingLayers.contains(true) && slidingWindow <= 0) {
            throw new IllegalArgumentException("sliding layers need a positive sliding_window, was " + slidingWindow);
        }
    }

    /**
     * Llama's options: no extra norms, SwiGLU, {@code 1/sqrt(head_dim)}, every layer global.
     *
     * @param headDim the head size
     * @return the options
     */
    public static DecoderOptions llama(int headDim) {
        return new DecoderOptions(false, false, false, false, Activation.SILU, headDim, 0, 0, 0, List.of(), null);
    }

    /**
     * @param layer a layer index
     * @return whether that layer attends through the sliding window
     */
    public boolean sliding(int layer) {
        return !slidingLayers.isEmpty() && slidingLayers.get(layer);
    }

    /** @return whether any layer slides */
    public boolean anySliding() {
        return slidingLayers.contains(true);
    }
}
