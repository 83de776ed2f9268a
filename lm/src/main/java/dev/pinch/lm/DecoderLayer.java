package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import dev.pinch.lm.cpu.MklThreads;
import java.util.Map;

/**
 * One decoder block's parameters and its forward. Llama layout: {@code h += attn(norm(h))},
 * {@code h += mlp(post_attention_layernorm(h))}. With {@link DecoderOptions#sandwichNorms()} (Gemma):
 * {@code h += post_attention_layernorm(attn(input_layernorm(h)))},
 * {@code h += post_feedforward_layernorm(mlp(pre_feedforward_layernorm(h)))}. Attention has grouped-query
 * heads, optional q/k/v/o bias, optional per-head q/k RMSNorm before RoPE; the MLP is gated (SiLU or GELU-tanh).
 *
 * @param inputNorm {@code input_layernorm.weight}
 * @param q {@code q_proj.weight}
 * @param qBias {@code q_proj.bias} or null
 * @param k {@code k_proj.weight}
 * @param kBias {@code k_proj.bias} or null
 * @param v {@code v_proj.weight}
 * @param vBias {@code v_proj.bias} or null
 * @param o {@code o_proj.weight}
 * @param oBias {@code o_proj.bias} or null
 * @param qNorm {@code q_norm.weight} or null
 * @param kNorm {@code k_norm.weight} or null
 * @param mlp {gate, gate bias, up, up bias, down, down bias} (biases may be null)
 * @param postNorm {@code post_attention_layernorm.weight}
 * @param preFfNorm {@code pre_feedforward_layernorm.weight} or null
 * @param postFfNorm {@code post_feedforward_layernorm.weight} or null
 */
record DecoderLayer(NDArray inputNorm, NDArray q, NDArray qBias, NDArray k, NDArray kBias, NDArray v,
        NDArray vBias, NDArray o, NDArray oBias, NDArray qNorm, NDArray kNorm, NDArray[] mlp, NDArray postNorm,
        NDArray preFfNorm, NDArray postFfNorm) {

    static DecoderLayer of(Map<String, NDArray> p, int i) {
        String l = LlamaWeights.layer(i);
        String a = l + "self_attn.";
        String m = l + "mlp.";
        NDArray[] mlp = {p.get(m + "gate_proj.weight"), p.get(m + "gate_proj.bias"), p.get(m + "up_proj.weight"),
            p.get(m + "up_proj.bias"), p.get(m + "down_proj.weight"), p.get(m + "down_proj.bias")};
        return new DecoderLayer(p.get(l + "input_layernorm.weight"), p.get(a + "q_proj.weight"),
                p.get(a + "q_proj.bias"), p.get(a + "k_proj.weight"), p.get(a + "k_proj.bias"),
                p.get(a + "v_proj.weight"), p.get(a + "v_proj.bias"), p.get(a + "o_proj.weight"),
                p.get(a + "o_proj.bias"), p.get(a + "q_norm.weight"), p.get(a + "k_norm.weight"), mlp,
                p.get(l + "post_attention_layernorm.weight"), p.get(l + "pre_feedforward_layernorm.weight"),
                p.get(l + "post_feedforward_layernorm.weight"));
    }

    /**
     * Runs the block. Every intermediate lands in the manager of {@code h}.
     *
     * @param h hidden states {@code [B, T, hidden]}
     * @param step positions, rotary tables and masks of this forward
     * @param layer this block's index (for the cache, its mask and its rope)
     * @return the new hidden states
     */
    NDArray forward(NDArray h, ForwardStep step, int layer) {
        LlamaConfig c = step.config();
        NDArray x = rmsNorm(h, inputNorm, c);
        NDArray qh = heads(Projection.apply(x, q, qBias, step), step, c.numAttentionHeads());
        NDArray kh = heads(Projection.apply(x, k, kBias, step), step, c.numKeyValueHeads());
        if (c.options().qkNorm()) {
            qh = rmsNorm(qh, qNorm, c);
            kh = rmsNorm(kh, kNorm, c);
        }
        qh = Rope.apply(qh, step.rope(layer));
        kh = Rope.apply(kh, step.rope(layer));
        NDArray vh = heads(Projection.apply(x, v, vBias, step), step, c.numKeyValueHeads());
        if (step.cache() != null) {
            NDArray[] kv = step.cache().append(layer, kh, vh);
            kh = kv[0];
            vh = kv[1];
        }
        NDArray attn = Projection.apply(Attention.forward(qh, kh, vh, step, layer), o, oBias, step);
        if (!c.options().sandwichNorms()) {
            h = h.add(attn);
            return h.add(mlp(rmsNorm(h, postNorm, c), step));
        }
        h = h.add(rmsNorm(attn, postNorm, c));
        return h.add(rmsNorm(mlp(rmsNorm(h, preFfNorm, c), step), postFfNorm, c));
    }

    private NDArray mlp(NDArray x, ForwardStep step) {
        NDArray g = Projection.apply(x, mlp[0], mlp[1], step);
        NDArray act = switch (step.config().options().activation()) {
            case SILU -> g.mul(g.getNDArrayInternal().sigmoid());
            case GELU_TANH -> geluTanh(g, step);
        };
        return Projection.apply(act.mul(Projection.apply(x, mlp[2], mlp[3], step)), mlp[4], mlp[5], step);
    }

    /** PyTorch's {@code gelu(x, approximate='tanh')}: {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    private static NDArray geluTanh(NDArray x, ForwardStep step) {
        NDArray inner = x.add(x.mul(x).mul(x).mul(step.scalar(0.044715, x))).mul(step.scalar(Math.sqrt(2 / Math.PI), x));
        return x.mul(step.scalar(0.5, x)).mul(inner.tanh().add(step.scalar(1, x)));
    }

    /** {@code [B, T, n*d] -> [B, n, T, d]}. */
    private static NDArray heads(NDArray x, ForwardStep step, int n) {
        return x.reshape(step.batch(), step.length(), n, step.config().headDim()).transpose(0, 2, 1, 3);
    }

    /**
     * Fused {@code x @ w^T + b} (one libtorch call; a small product runs on this thread alone, see {@link MklThreads}).
     *
     * @param x input {@code [..., in]}
     * @param w weight {@code [out, in]}
     * @param b bias {@code [out]} or null
     * @return {@code [..., out]} in the manager of {@code x}
     */
    static NDArray linear(NDArray x, NDArray w, NDArray b) {
        if (!x.getDevice().isGpu()) {
            Shape ws = w.getShape();
            MklThreads.forProduct(x.size() / ws.get(1), ws.get(1), ws.get(0));
        }
        return x.getNDArrayInternal().linear(x, w, b).head();
    }

    /**
     * Embedding lookup (one libtorch call).
     *
     * @param ids INT64 token ids
     * @param table {@code [vocab, hidden]}
     * @return {@code [..., hidden]} in the manager of {@code ids}
     */
    static NDArray embedding(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).head();
    }

    /**
     * RMSNorm as in transformers, over the last axis, in fp32: Llama's {@code w * (x / rms(x))} (cast to the
     * input type before scaling) or, for Gemma ({@link DecoderOptions#offsetNorm()}), {@code (x / rms(x)) * (1 + w)}
     * (cast after scaling).
     *
     * @param x input
     * @param w weight
     * @param c the config (epsilon and norm kind)
     * @return the normalised input, in the input's type and manager
     */
    static NDArray rmsNorm(NDArray x, NDArray w, LlamaConfig c) {
        DataType type = x.getDataType();
        NDArray x32 = type == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
        NDArray eps = x32.getManager().full(new Shape(), (float) c.rmsNormEps(), DataType.FLOAT32);
        NDArray n = x32.div(x32.square().mean(new int[] {-1}, true).add(eps).sqrt());
        if (c.options().offsetNorm()) {
            NDArray w32 = w.getDataType() == DataType.FLOAT32 ? w : w.toType(DataType.FLOAT32, false);
            NDArray one = x32.getManager().full(new Shape(), 1f, DataType.FLOAT32);
            NDArray r = n.mul(w32.add(one));
            return type == DataType.FLOAT32 ? r : r.toType(type, false);
        }
        return (type == DataType.FLOAT32 ? n : n.toType(type, false)).mul(w);
    }
}
