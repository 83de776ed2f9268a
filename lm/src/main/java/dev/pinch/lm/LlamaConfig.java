package dev.pinch.lm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hyperparameters of a Llama-family decoder, as in a Hugging Face {@code config.json}.
 *
 * <p>Supported architectures ({@link #SUPPORTED}): Llama (3.x RoPE scaling included), Mistral, Qwen2 (q/k/v
 * bias), Qwen3 (q/k norm), Gemma 2 and Gemma 3 text models; what distinguishes them is in {@link #options()}
 * and {@link #rope()}. {@link #read(Path)} fails closed: a key that could change the forward pass and that
 * this module does not implement is refused by name and value (see {@link LlamaConfigJson}). Keys known not to
 * change the forward are kept in {@link #extra()} and written back by {@link #write(Path)}.
 *
 * @param architecture the HF architecture class, e.g. {@code LlamaForCausalLM}
 * @param modelType the HF {@code model_type} ({@code llama}, {@code qwen2}, {@code mistral})
 * @param hiddenSize {@code hidden_size}
 * @param intermediateSize {@code intermediate_size} of the SwiGLU MLP
 * @param numHiddenLayers {@code num_hidden_layers}
 * @param numAttentionHeads {@code num_attention_heads}
 * @param numKeyValueHeads {@code num_key_value_heads} (defaults to the number of heads)
 * @param headDim {@code head_dim} (defaults to {@code hidden_size / num_attention_heads})
 * @param vocabSize {@code vocab_size}
 * @param maxPositionEmbeddings {@code max_position_embeddings}
 * @param rmsNormEps {@code rms_norm_eps}
 * @param rope the rotary embedding of global layers ({@code rope_theta} and {@code rope_scaling}, or
 *     transformers 5's {@code rope_parameters})
 * @param tieWordEmbeddings {@code tie_word_embeddings}: the LM head reuses the embedding matrix
 * @param attentionBias bias on the q/k/v projections (Qwen2: always; Llama: {@code attention_bias})
 * @param outputBias bias on {@code o_proj} (Llama's {@code attention_bias}; never for Qwen2/Mistral)
 * @param mlpBias bias on the MLP projections (Llama's {@code mlp_bias})
 * @param options the family's decoder settings (norms, activation, soft-caps, sliding window, local RoPE)
 * @param bosTokenId {@code bos_token_id}, or null
 * @param eosTokenIds {@code eos_token_id} (one or several ids; empty when absent)
 * @param padTokenId {@code pad_token_id}, or null
 * @param torchDtype {@code torch_dtype} (or {@code dtype}), e.g. {@code float32}; null when absent
 * @param extra the other keys of the file (none changes the forward), written back verbatim
 */
public record LlamaConfig(
        String architecture,
        String modelType,
        int hiddenSize,
        int intermediateSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int numKeyValueHeads,
        int headDim,
        int vocabSize,
        int maxPositionEmbeddings,
        double rmsNormEps,
        RopeSpec rope,
        boolean tieWordEmbeddings,
        boolean attentionBias,
        boolean outputBias,
        boolean mlpBias,
        DecoderOptions options,
        Integer bosTokenId,
        List<Integer> eosTokenIds,
        Integer padTokenId,
        String torchDtype,
        Map<String, Object> extra) {

    /** Architectures this module implements, with their {@code model_type}. */
    public static final Map<String, String> SUPPORTED = Map.of(
            "LlamaForCausalLM", "llama",
            "Qwen2ForCausalLM", "qwen2",
            "MistralForCausalLM", "mistral",
            "Qwen3ForCausalLM", "qwen3",
            "Gemma2ForCausalLM", "gemma2",
            "Gemma3ForCausalLM", "gemma3_text");

    private static final Set<String> DTYPES = Set.of("float32", "bfloat16", "float16");

    /** Validates the sizes; see the class comment for what is supported. */
    public LlamaConfig {
        if (!SUPPORTED.containsKey(architecture)) {
            throw new IllegalArgumentException(
                    "Unsupported architecture " + architecture + "; supported: " + SUPPORTED.keySet());
        }
        positive("hidden_size", hiddenSize);
        positive("intermediate_size", intermediateSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("num_key_value_heads", numKeyValueHeads);
        positive("head_dim", headDim);
        positive("vocab_size", vocabSize);
        positive("max_position_embeddings", maxPositionEmbeddings);
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads (" + numAttentionHeads
                    + ") must be a multiple of num_key_value_heads (" + numKeyValueHeads + ")");
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim must be even for rotary embeddings: " + headDim);
        }
        if (rope == null || options == null) {
            throw new IllegalArgumentException("rope and options are required");
        }
        if (options.anySliding() && options.slidingLayers().size() != numHiddenLayers) {
            throw new IllegalArgumentException("layer_types has " + options.slidingLayers().size()
                    + " entries but num_hidden_layers is " + numHiddenLayers);
        }
        if (torchDtype != null && !DTYPES.contains(torchDtype)) {
            throw new IllegalArgumentException("Unsupported torch_dtype " + torchDtype + "; one of " + DTYPES);
        }
        eosTokenIds = eosTokenIds == null ? List.of() : List.copyOf(eosTokenIds);
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    /**
     * A plain Llama config for a model built from scratch (untied, no biases, rope_theta 10000, eps 1e-6).
     *
     * @param hidden hidden size
     * @param intermediate MLP size
     * @param layers number of layers
     * @param heads attention heads
     * @param kvHeads key/value heads
     * @param vocab vocabulary size
     * @param maxPositions maximum sequence length
     * @param bos BOS id, or null
     * @param eos EOS id
     * @param pad pad id, or null
     * @return the config
     */
    public static LlamaConfig llama(int hidden, int intermediate, int layers, int heads, int kvHeads,
            int vocab, int maxPositions, Integer bos, int eos, Integer pad) {
        return new LlamaConfig("LlamaForCausalLM", "llama", hidden, intermediate, layers, heads, kvHeads,
                hidden / heads, vocab, maxPositions, 1e-6, RopeSpec.plain(10000.0), false, false, false, false,
                DecoderOptions.llama(hidden / heads), bos, List.of(eos), pad, "float32", Map.of());
    }

    /**
     * Reads and validates a Hugging Face {@code config.json}.
     *
     * @param configJson the file
     * @return the config
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when the model is not supported or a key is invalid
     */
    public static LlamaConfig read(Path configJson) {
        try {
            return LlamaConfigJson.read(configJson);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + configJson, e);
        }
    }

    /**
     * Writes this config as a {@code config.json} that transformers loads unchanged.
     *
     * @param configJson the file to (over)write
     */
    public void write(Path configJson) {
        try {
            LlamaConfigJson.write(this, configJson);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + configJson, e);
        }
    }

    /** @return the base of the global rotary embedding ({@code rope_theta}) */
    public double ropeTheta() {
        return rope.theta();
    }

    /** @return the first EOS id, or -1 when the config names none */
    public int eosTokenId() {
        return eosTokenIds.isEmpty() ? -1 : eosTokenIds.get(0);
    }

    /**
     * Returns a copy with another {@code torch_dtype} (the dtype the weights are stored in).
     *
     * @param dtype {@code float32}, {@code bfloat16} or {@code float16}
     * @return the copy
     */
    public LlamaConfig withTorchDtype(String dtype) {
        return new LlamaConfig(architecture, modelType, hiddenSize, intermediateSize, numHiddenLayers,
                numAttentionHeads, numKeyValueHeads, headDim, vocabSize, maxPositionEmbeddings, rmsNormEps,
                rope, tieWordEmbeddings, attentionBias, outputBias, mlpBias, options, bosTokenId, eosTokenIds,
                padTokenId, dtype, extra);
    }

    private static void positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, was " + value);
        }
    }
}
