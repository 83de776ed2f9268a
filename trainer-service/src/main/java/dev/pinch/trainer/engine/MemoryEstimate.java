package dev.pinch.trainer.engine;

import ai.djl.ndarray.types.Shape;

import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.LlamaModel;
import dev.pinch.lm.LlamaWeights;
import dev.pinch.lm.LoraSpec;

import java.util.Map;

/**
 * The estimated peak memory of one training step, in bytes, from the model config and the settings: what
 * {@link MemoryCheck} compares with the device's memory before a run starts, and what the bench compares with
 * measured peaks. All tensors fp32 (4 bytes).
 *
 * <p>Per token and decoder layer, autograd keeps (for this decoder, whose layers free their other temporaries
 * as they end): 11 hidden-size vectors (residual, two norms' normalised and scaled outputs each, q, rotated q
 * and its rotate-half, scaled q, attention output, residual), 4 key/value-size vectors (k, its rotate-half,
 * rotated k, v), 5 intermediate-size vectors (gate, its sigmoid, SiLU, up, product) and the attention
 * probabilities (heads × sequence length). Checkpointing keeps one hidden-size input per layer instead, plus
 * one layer's full activations while it is recomputed. The loss is computed a run of positions at a time
 * ({@link LlamaModel#positionsPerRun}) and holds four vocabulary-size vectors per token of a run at its peak
 * (logits, log-probabilities, and the gradients of both), plus the final hidden states and their gradient.
 *
 * @param weights       all parameters
 * @param trainable     gradients (full: all parameters; LoRA: A and B)
 * @param optimizer     AdamW's two moments of the trainable tensors
 * @param activations   what autograd keeps through the decoder layers
 * @param loss          logits and log-softmax and their gradients
 * @param runtime       the JVM and libtorch themselves ({@link #RUNTIME})
 */
public record MemoryEstimate(long weights, long trainable, long optimizer, long activations, long loss, long runtime) {

    /** JVM, libtorch's code and allocator slack: measured about 0.7 GB on CPU. */
    static final long RUNTIME = 700L << 20;

    private static final int FP32 = 4;

    /** The peak: everything above at once (a slight overestimate: some gradients arrive as activations go). */
    public long total() {
        return weights + trainable + optimizer + activations + loss + runtime;
    }

    /**
     * Estimates one step with {@code batchSize} sequences of {@code seqLen} tokens per micro-batch.
     *
     * @param lora LoRA settings, or null for full fine-tuning
     */
    public static MemoryEstimate of(LlamaConfig c, int batchSize, int seqLen, LoraSpec lora, boolean checkpointing) {
        long params = 0;
        long adapters = 0;
        for (Map.Entry<String, Shape> e : LlamaWeights.expected(c).entrySet()) {
            Shape s = e.getValue();
            params += s.size();
            if (lora != null && s.dimension() == 2 && e.getKey().startsWith("model.layers.")
                    && lora.targetModules().contains(leaf(e.getKey()))) {
                adapters += (long) lora.rank() * (s.get(0) + s.get(1));
            }
        }
        long trainable = lora == null ? params : adapters;
        long tokens = (long) batchSize * seqLen;
        long h = c.hiddenSize();
        long kv = (long) c.numKeyValueHeads() * c.headDim();
        long q = (long) c.numAttentionHeads() * c.headDim();
        long perLayer = 7 * h + 4 * q + 4 * kv + 5L * c.intermediateSize() + (long) c.numAttentionHeads() * seqLen;
        if (lora != null) {
            perLayer += (long) lora.targetModules().size() * lora.rank();
        }
        long layers = c.numHiddenLayers();
        long acts = checkpointing ? tokens * (layers * h + perLayer) : tokens * layers * perLayer;
        long runTokens = batchSize * Math.min(seqLen, LlamaModel.positionsPerRun(batchSize, c.vocabSize()));
        long loss = 4 * runTokens * c.vocabSize() + 2 * tokens * h;
        return new MemoryEstimate(params * FP32, trainable * FP32, 2 * trainable * FP32, acts * FP32, loss * FP32,
                RUNTIME);
    }

    private static String leaf(String weightName) {
        String module = weightName.substring(0, weightName.length() - ".weight".length());
        return module.substring(module.lastIndexOf('.') + 1);
    }

    /** e.g. {@code 14.2 GB (weights 2.0, gradients 2.0, AdamW 4.0, activations 4.1, loss 2.5, runtime 0.7)}. */
    public String describe() {
        return "%s (weights %.1f, gradients %.1f, AdamW %.1f, activations %.1f, loss %.1f, runtime %.1f)".formatted(
                gb(total()), weights / 1e9, trainable / 1e9, optimizer / 1e9, activations / 1e9, loss / 1e9,
                runtime / 1e9);
    }

    static String gb(long bytes) {
        return "%.1f GB".formatted(bytes / 1e9);
    }
}
