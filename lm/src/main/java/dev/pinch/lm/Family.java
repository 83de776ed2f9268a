package dev.pinch.lm;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model families by {@code model_type}: their transformers defaults, which config keys each one reads
 * into {@link DecoderOptions}, and how those options are written back. A key a family does not read is left
 * to {@link ConfigKeys}, which refuses it unless it is known not to change the forward pass.
 */
enum Family {
    LLAMA("llama", 10_000, 2048),
    MISTRAL("mistral", 10_000, 131_072),
    QWEN2("qwen2", 10_000, 32_768),
    QWEN3("qwen3", 10_000, 40_960),
    GEMMA2("gemma2", 10_000, 8192),
    GEMMA3("gemma3_text", 1_000_000, 131_072);

    private static final String GELU_TANH = "gelu_pytorch_tanh";

    private final String modelType;
    private final double theta;
    private final int maxPositions;

    Family(String modelType, double theta, int maxPositions) {
        this.modelType = modelType;
        this.theta = theta;
        this.maxPositions = maxPositions;
    }

    static Family of(String modelType) {
        for (Family f : values()) {
            if (f.modelType.equals(modelType)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown model_type " + modelType);
    }

    /** @return transformers' default {@code rope_theta} (of full-attention layers) */
    double theta() {
        return theta;
    }

    /** @return transformers' default {@code max_position_embeddings} */
    int maxPositions() {
        return maxPositions;
    }

    boolean gemma() {
        return this == GEMMA2 || this == GEMMA3;
    }

    boolean qwen() {
        return this == QWEN2 || this == QWEN3;
    }

    /** @return whether {@code attention_bias} (q/k/v and o_proj bias) is a key of this family */
    boolean hasAttentionBiasKey() {
        return this == LLAMA || this == QWEN3 || gemma();
    }

    /** Keys this family's transformers config keeps that cannot change the forward Pinch accepts. */
    Set<String> neutralKeys() {
        return qwen() ? Set.of("sliding_window", "max_window_layers") : Set.of();
    }

    DecoderOptions options(ConfigFields f, int layers, int headDim, RopeSpec localRope) {
        if (!gemma()) {
            String act = f.string("hidden_act", "silu");
            if (!"silu".equals(act)) {
                throw f.refuse("hidden_act", "is not implemented for " + modelType + " (only silu)");
            }
            int window = 0;
            if (this == MISTRAL) {
                window = f.integer("sliding_window", 0);
            } else if (qwen() && f.bool("use_sliding_window", false)) {
                throw f.refuse("use_sliding_window", "is not implemented for " + modelType);
            }
            List<Boolean> sliding = layerTypes(f, layers);
            if (sliding == null) {
                sliding = window > 0 ? Collections.nCopies(layers, true) : List.of();
            } else if (sliding.contains(true) && window == 0) {
                throw f.refuse("layer_types", "names sliding layers but " + modelType + " has no sliding window here");
            }
            return new DecoderOptions(this == QWEN3, false, false, false, DecoderOptions.Activation.SILU, headDim, 0,
                    0, window, sliding, null);
        }
        String act = f.present("hidden_activation") ? f.string("hidden_activation", null) : f.string("hidden_act", GELU_TANH);
        f.ignore("hidden_act"); // transformers' Gemma uses hidden_activation when both are there
        if (!GELU_TANH.equals(act)) {
            throw f.refuse(f.present("hidden_activation") ? "hidden_activation" : "hidden_act",
                    "is not implemented for " + modelType + " (only " + GELU_TANH + ")");
        }
        if (f.bool("use_bidirectional_attention", false)) {
            throw f.refuse("use_bidirectional_attention", "is not implemented (causal attention only)");
        }
        boolean g2 = this == GEMMA2;
        List<Boolean> sliding = layerTypes(f, layers);
        List<Boolean> pattern = pattern(f, layers);
        if (sliding != null && pattern != null && !sliding.equals(pattern)) {
            throw f.refuse("layer_types", "contradicts sliding_window_pattern " + f.show("sliding_window_pattern"));
        }
        sliding = sliding != null ? sliding : pattern;
        return new DecoderOptions(!g2, true, true, true, DecoderOptions.Activation.GELU_TANH,
                f.number("query_pre_attn_scalar", 256), softcap(f, "attn_logit_softcapping", g2 ? 50.0 : 0),
                softcap(f, "final_logit_softcapping", g2 ? 30.0 : 0), f.integer("sliding_window", 4096), sliding,
                localRope);
    }

    private static double softcap(ConfigFields f, String key, double dflt) {
        boolean given = !"absent".equals(f.show(key));
        double v = f.number(key, given ? 0 : dflt); // an explicit null turns it off
        if (v < 0) {
            throw f.refuse(key, "must be positive or null");
        }
        return v;
    }

    /** The explicit {@code layer_types}, or null. */
    private static List<Boolean> layerTypes(ConfigFields f, int layers) {
        JsonElement e = f.raw("layer_types");
        if (e == null) {
            return null;
        }
        List<Boolean> out = new ArrayList<>();
        for (JsonElement t : e.getAsJsonArray()) {
            String s = t.getAsString();
            if (!s.equals("full_attention") && !s.equals("sliding_attention")) {
                throw f.refuse("layer_types", "has layer type " + s + " (implemented: full_attention, sliding_attention)");
            }
            out.add(s.equals("sliding_attention"));
        }
        if (out.size() != layers) {
            throw f.refuse("layer_types", "must have one entry per layer (" + layers + ")");
        }
        return out;
    }

    /** Gemma's default layout: Gemma 2 alternates from a sliding layer 0; Gemma 3 has every p-th layer global. */
    private List<Boolean> pattern(ConfigFields f, int layers) {
        int p = 2;
        if (this == GEMMA3) {
            Integer a = f.optInt("sliding_window_pattern");
            Integer b = f.optInt("_sliding_window_pattern");
            if (a != null && b != null && !a.equals(b)) {
                throw f.refuse("sliding_window_pattern", "contradicts _sliding_window_pattern " + b);
            }
            p = a != null ? a : b != null ? b : 6;
            if (p <= 0) {
                throw f.refuse("sliding_window_pattern", "must be positive");
            }
        }
        return pattern(p, layers);
    }

    void writeOptions(LlamaConfig c, Map<String, Object> m) {
        DecoderOptions o = c.options();
        if (!gemma()) {
            m.put("hidden_act", "silu");
            if (this == MISTRAL) {
                m.put("sliding_window", o.anySliding() ? o.slidingWindow() : null);
            } else if (qwen()) {
                m.put("use_sliding_window", false);
            }
            return;
        }
        m.put("hidden_act", GELU_TANH);
        m.put("hidden_activation", GELU_TANH);
        m.put("query_pre_attn_scalar", o.queryPreAttnScalar());
        m.put("attn_logit_softcapping", o.attnSoftcap() == 0 ? null : o.attnSoftcap());
        m.put("final_logit_softcapping", o.finalSoftcap() == 0 ? null : o.finalSoftcap());
        m.put("sliding_window", o.slidingWindow());
        m.put("layer_types", o.slidingLayers().stream().map(s -> s ? "sliding_attention" : "full_attention").toList());
        if (this == GEMMA3) {
            RopeSpec local = o.localRope() == null ? c.rope() : o.localRope();
            if (!"default".equals(local.type())) {
                throw new IllegalStateException("a scaled local rope cannot be written in transformers 4 keys");
            }
            m.put("rope_local_base_freq", local.theta());
            int p = o.slidingLayers().indexOf(false) + 1;
            if (p > 0 && o.slidingLayers().equals(pattern(p, o.slidingLayers().size()))) {
                m.put("sliding_window_pattern", p);
            }
        }
    }

    private static List<Boolean> pattern(int p, int layers) {
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            out.add((i + 1) % p != 0);
        }
        return out;
    }
}
