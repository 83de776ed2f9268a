package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import java.util.Map;

/**
 * One decoder block's parameters and its forward: pre-norm attention with rotary embeddings and
 * grouped-query attention, then a pre-norm SwiGLU MLP, each with a residual connection.
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
 * @param gate {@code gate_proj.weight}
 * @param gateBias {@code gate_proj.bias} or null
 * @param up {@code up_proj.weight}
 * @param upBias {@code up_proj.bias} or null
 * @param down {@code down_proj.weight}
 * @param downBias {@code down_proj.bias} or null
 * @param postNorm {@code post_attention_layernorm.weight}
 */
record DecoderLayer(NDArray inputNorm, NDArray q, NDArray qBias, NDArray k, NDArray kBias, NDArray v,
        NDArray vBias, NDArray o, NDArray oBias, NDArray gate, NDArray gateBias, NDArray up, NDArray upBias,
        NDArray down, NDArray downBias, NDArray postNorm) {

    static DecoderLayer of(Map<String, NDArray> p, int i) {
        String a = LlamaWeights.layer(i) + "self_attn.";
        String m = LlamaWeights.layer(i) + "mlp.";
        return new DecoderLayer(p.get(LlamaWeights.layer(i) + "input_layernorm.weight"),
                p.get(a + "q_proj.weight"), p.get(a + "q_proj.bias"), p.get(a + "k_proj.weight"),
                p.get(a + "k_proj.bias"), p.get(a + "v_proj.weight"), p.get(a + "v_proj.bias"),
                p.get(a + "o_proj.weight"), p.get(a + "o_proj.bias"), p.get(m + "gate_proj.weight"),
                p.get(m + "gate_proj.bias"), p.get(m + "up_proj.weight"), p.get(m + "up_proj.bias"),
                p.get(m + "down_proj.weight"), p.get(m + "down_proj.bias"),
                p.get(LlamaWeights.layer(i) + "post_attention_layernorm.weight"));
    }

    /**
     * Runs the block. Every intermediate lands in the manager of {@code h}.
     *
     * @param h hidden states {@code [B, T, hidden]}
     * @param step positions, rotary tables and mask of this forward
     * @param layer this block's index (for the cache)
     * @return the new hidden states
     */
    NDArray forward(NDArray h, ForwardStep step, int layer) {
        LlamaConfig c = step.config();
        NDArray x = rmsNorm(h, inputNorm, c.rmsNormEps());
        NDArray qh = Rope.apply(heads(linear(x, q, qBias), step, c.numAttentionHeads()), step.rope());
        NDArray kh = Rope.apply(heads(linear(x, k, kBias), step, c.numKeyValueHeads()), step.rope());
        NDArray vh = heads(linear(x, v, vBias), step, c.numKeyValueHeads());
        if (step.cache() != null) {
            NDArray[] kv = step.cache().append(layer, kh, vh);
            kh = kv[0];
            vh = kv[1];
        }
        NDArray attn = Attention.forward(qh, kh, vh, step);
        h = h.add(linear(attn, o, oBias));
        x = rmsNorm(h, postNorm, c.rmsNormEps());
        NDArray g = linear(x, gate, gateBias);
        NDArray act = g.mul(g.getNDArrayInternal().sigmoid()).mul(linear(x, up, upBias));
        return h.add(linear(act, down, downBias));
    }

    /** {@code [B, T, n*d] -> [B, n, T, d]}. */
    private static NDArray heads(NDArray x, ForwardStep step, int n) {
        return x.reshape(step.batch(), step.length(), n, step.config().headDim()).transpose(0, 2, 1, 3);
    }

    /**
     * Fused {@code x @ w^T + b} (one libtorch call).
     *
     * @param x input {@code [..., in]}
     * @param w weight {@code [out, in]}
     * @param b bias {@code [out]} or null
     * @return {@code [..., out]} in the manager of {@code x}
     */
    static NDArray linear(NDArray x, NDArray w, NDArray b) {
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
     * RMSNorm as in transformers: {@code w * (x * rsqrt(mean(x^2, -1) + eps))}, computed in fp32.
     *
     * @param x input
     * @param w weight
     * @param eps epsilon
     * @return the normalised input, in the input's type and manager
     */
    static NDArray rmsNorm(NDArray x, NDArray w, double eps) {
        DataType type = x.getDataType();
        NDArray x32 = type == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
        NDArray inv = x32.square().mean(new int[] {-1}, true).add((float) eps).sqrt();
        NDArray n = x32.div(inv);
        return (type == DataType.FLOAT32 ? n : n.toType(type, false)).mul(w);
    }
}
