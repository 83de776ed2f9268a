package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.pinch.lm.cpu.CallerThread;
import java.util.Map;

/** The full decoder forward: embeddings, blocks, final norm and LM head; positions and masks. */
final class Decoder {

        private final LlamaConfig config;
    private final DecoderLayer[] layers;
    private final NDArray embed;
    private final NDArray norm;
    private final NDArray head;
    private final Rope rope;
    private final Rope localRope;
    private LoraAdapter lora;

    Decoder(LlamaConfig config, Map<String, NDArray> params) {
        this.config = config;
        this.rope = new Rope(config.rope(), config.headDim(), config.maxPositionEmbeddings());
        RopeSpec local = config.options().localRope();
        this.localRope = local == null ? null : new Rope(local, config.headDim(), config.maxPositionEmbeddings());
        this.layers = new DecoderLayer[config.numHiddenLayers()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = DecoderLayer.of(params, i);
        }
        this.embed = params.get(LlamaWeights.EMBED);
        this.norm = params.get(LlamaWeights.NORM);
        this.head = config.tieWordEmbeddings() ? embed : params.get(LlamaWeights.LM_HEAD);
    }

    /** Applies {@code adapter} to every forward from now on (null: none). */
    void useAdapter(LoraAdapter adapter) {
        this.lora = adapter;
    }

    /**
     * Runs the model on new tokens.
     *
     * @param ids {@code [B, T]} token ids (any integer type)
     * @param mask {@code [B, T]} 1 for real tokens and 0 for padding, or null when all are real
     * @param cache the KV cache to read and extend, or null for a stand-alone forward
     * @return fp32 logits {@code [B, T, vocab]}, owned by the manager of {@code ids}
     */
    NDArray run(NDArray ids, NDArray mask, KvCache cache) {
        Shape shape = ids.getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("input ids must be [batch, length], got " + shape);
        }
        long b = shape.get(0);
        int t = Math.toIntExact(shape.get(1));
        NDManager out = ids.getManager();
        long widest = b * t * Math.max(config.hiddenSize(), config.intermediateSize());
        try (NDManager scope = out.newSubManager(); var threads = CallerThread.small(widest)) {
            NDArray tok = ids.toType(DataType.INT64, true);
            tok.attach(scope);
            NDArray m = null;
            if (mask != null) {
                m = mask.toType(DataType.INT64, true);
                m.attach(scope);
            }
            NDArray[] state = new NDArray[2];
            ForwardStep step = step(b, t, m, cache, scope, state, ai.djl.pytorch.jni.JniUtils.isGradMode());
            NDArray h = embed(tok, step);
            for (int i = 0; i < layers.length; i++) {
                h = cache != null ? layers[i].forward(h, step, i) : layer(i, h, step, scope);
            }
            NDArray logits = head(h, step);
            if (cache != null) {
                cache.advance(state[0], state[1], t);
            }
            logits.attach(out);
            return logits;
        }
    }

    /**
     * Layer {@code i} with its temporaries in a manager of their own, closed at once: what backward needs stays
     * alive in autograd's graph, the rest is freed before the next layer runs. The output lands in {@code scope}.
     */
    NDArray layer(int i, NDArray h, ForwardStep step, NDManager scope) {
        try (NDManager own = scope.newSubManager()) {
            h.attach(own);
            NDArray out = layers[i].forward(h, step, i);
            out.attach(scope);
            return out;
        }
    }

    /** Layer {@code i}, its temporaries in the manager of {@code h}. */
    NDArray block(int i, NDArray h, ForwardStep step) {
        return layers[i].forward(h, step, i);
    }

    /** The (scaled) token embeddings, in the manager of {@code tok}. */
    NDArray embed(NDArray tok, ForwardStep step) {
        NDArray h = DecoderLayer.embedding(tok, embed);
        return config.options().scaleEmbedding() ? h.mul(step.scalar(Math.sqrt(config.hiddenSize()), h)) : h;
    }

    /** Final norm, LM head, fp32 and the final soft-cap: the logits, in the manager of {@code h}. */
    NDArray head(NDArray h, ForwardStep step) {
        NDArray logits = DecoderLayer.linear(DecoderLayer.rmsNorm(h, norm, config), head, null);
        if (logits.getDataType() != DataType.FLOAT32) {
            logits = logits.toType(DataType.FLOAT32, false);
        }
        return Attention.softcap(logits, config.options().finalSoftcap(), step);
    }

    /** A cache-free, mask-free training step of {@code [b, t]} tokens whose temporaries land in {@code scope}. */
    ForwardStep training(long b, int t, NDManager scope) {
        return step(b, t, null, null, scope, new NDArray[2], true);
    }

    /** Whether the embedding table takes gradients (a leaf's flag; DJL reports false for non-leaf outputs). */
    boolean embeddingTrained() {
        return ai.djl.pytorch.jni.JniUtils.requiresGrad((ai.djl.pytorch.engine.PtNDArray) embed);
    }

    long vocabSize() {
        return config.vocabSize();
    }

    int layerCount() {
        return layers.length;
    }

    /** Positions, rotary tables and the additive masks; {@code state} receives the cache's next key mask and counts. */
    private ForwardStep step(long b, int t, NDArray m, KvCache cache, NDManager scope, NDArray[] state,
            boolean train) {
        int past = cache == null ? 0 : cache.length();
        int total = past + t;
        rope.check(total);
        DataType type = embed.getDataType();
        int window = config.options().anySliding() ? config.options().slidingWindow() : 0;
        if (m == null && (cache == null || !cache.padded())) {
            NDArray pos = scope.arange(past, total);
            NDArray allowed = Masks.causal(scope, past, t, total);
            NDArray full = t == 1 ? null : Masks.additive(allowed);
            NDArray sliding = window == 0 || t == 1 && total <= window ? null
                    : Masks.additive(allowed.logicalAnd(Masks.inWindow(scope, past, t, total, window)));
            return new ForwardStep(config, b, t, rope.tables(pos, total, scope, type), local(pos, total, scope, type),
                    full, sliding, cache, scope, lora, train);
        }
        NDArray valid = m != null ? m : scope.ones(new Shape(b, t), DataType.INT64);
        NDArray seen = cache == null || cache.seen() == null
                ? scope.full(new Shape(b, 1), past, DataType.INT64) : cache.seen();
        NDArray pos = valid.cumSum(1).add(seen).sub(1).clip(0, Integer.MAX_VALUE).expandDims(1);
        NDArray validBool = valid.toType(DataType.BOOLEAN, false);
        NDArray keyMask;
        if (cache != null && cache.keyMask() != null) {
            keyMask = Masks.concat(scope, cache.keyMask(), validBool);
        } else {
            keyMask = past == 0 ? validBool : Masks.concat(scope, scope.ones(new Shape(b, past), DataType.BOOLEAN),
                    validBool);
        }
        NDArray allowed = Masks.causal(scope, past, t, total).logicalAnd(keyMask.reshape(b, 1, 1, total));
        NDArray sliding = window == 0 ? null
                : Masks.additive(allowed.logicalAnd(Masks.inWindow(scope, past, t, total, window)));
        state[0] = keyMask;
        state[1] = valid.sum(new int[] {1}, true).add(seen);
        return new ForwardStep(config, b, t, rope.tables(pos, total, scope, type), local(pos, total, scope, type),
                Masks.additive(allowed), sliding, cache, scope, lora, train);
    }

    private NDArray[] local(NDArray pos, int total, NDManager scope, DataType type) {
        return localRope == null ? null : localRope.tables(pos, total, scope, type);
    }
}
