package dev.pinch.lm;

import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The Hugging Face parameter names and shapes of a {@link LlamaConfig}, in HF module order. */
public final class LlamaWeights {

    /** Embedding matrix name. */
    public static final String EMBED = "model.embed_tokens.weight";
    /** Final norm name. */
    public static final String NORM = "model.norm.weight";
    /** LM head name (absent when embeddings are tied). */
    public static final String LM_HEAD = "lm_head.weight";

    /** Tensors some checkpoints carry that are not parameters (e.g. old rotary buffers); ignored on load. */
    static final Pattern IGNORED = Pattern.compile("model\\.layers\\.\\d+\\.self_attn\\.rotary_emb\\.inv_freq");

    private LlamaWeights() {}

    /**
     * Returns the name prefix of layer {@code i}, e.g. {@code model.layers.3.}.
     *
     * @param i the layer index
     * @return the prefix
     */
    public static String layer(int i) {
        return "model.layers." + i + '.';
    }

    /**
     * Lists every parameter the model needs, name to shape.
     *
     * @param c the config
     * @return HF name to shape, in HF order
     */
    public static LinkedHashMap<String, Shape> expected(LlamaConfig c) {
        long h = c.hiddenSize();
        long q = (long) c.numAttentionHeads() * c.headDim();
        long kv = (long) c.numKeyValueHeads() * c.headDim();
        long inter = c.intermediateSize();
        DecoderOptions o = c.options();
        LinkedHashMap<String, Shape> m = new LinkedHashMap<>();
        m.put(EMBED, new Shape(c.vocabSize(), h));
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            String p = layer(i);
            m.put(p + "input_layernorm.weight", new Shape(h));
            linear(m, p + "self_attn.q_proj", q, h, c.attentionBias());
            linear(m, p + "self_attn.k_proj", kv, h, c.attentionBias());
            linear(m, p + "self_attn.v_proj", kv, h, c.attentionBias());
            linear(m, p + "self_attn.o_proj", h, q, c.outputBias());
            if (o.qkNorm()) {
                m.put(p + "self_attn.q_norm.weight", new Shape(c.headDim()));
                m.put(p + "self_attn.k_norm.weight", new Shape(c.headDim()));
            }
            linear(m, p + "mlp.gate_proj", inter, h, c.mlpBias());
            linear(m, p + "mlp.up_proj", inter, h, c.mlpBias());
            linear(m, p + "mlp.down_proj", h, inter, c.mlpBias());
            m.put(p + "post_attention_layernorm.weight", new Shape(h));
            if (o.sandwichNorms()) {
                m.put(p + "pre_feedforward_layernorm.weight", new Shape(h));
                m.put(p + "post_feedforward_layernorm.weight", new Shape(h));
            }
        }
        m.put(NORM, new Shape(h));
        if (!c.tieWordEmbeddings()) {
            m.put(LM_HEAD, new Shape(c.vocabSize(), h));
        }
        return m;
    }

    /**
     * Counts the parameters of a config (tied embeddings counted once).
     *
     * @param c the config
     * @return the number of scalars
     */
    public static long count(LlamaConfig c) {
        return expected(c).values().stream().mapToLong(Shape::size).sum();
    }

    /**
     * Whether the named tensor is a 1-D norm weight (initialised to 1, or 0 where the norm scales by 1 + w) rather
     * than a matrix or a bias.
     *
     * @param name the HF name
     * @return true for RMSNorm weights
     */
    public static boolean isNorm(String name) {
        return name.endsWith("norm.weight");
    }

    private static void linear(Map<String, Shape> m, String name, long out, long in, boolean bias) {
        m.put(name + ".weight", new Shape(out, in));
        if (bias) {
            m.put(name + ".bias", new Shape(out));
        }
    }
}
