package dev.pinch.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Llama-family decoder (Llama, Mistral, Qwen2, Qwen3, Gemma 2, Gemma 3 text; see {@link DecoderOptions}) on
 * DJL's PyTorch engine, with Hugging Face parameter names. All parameters live in {@link #manager()}; {@link #close()} frees them.
 *
 * <p>{@link #forward(NDArray)} keeps no intermediate in any Java-visible manager: it works in a sub-manager
 * of the input's manager that it closes before returning, and only the logits are attached to the input's
 * manager. Under a gradient collector libtorch's autograd graph keeps what backward needs on its own.
 */
public final class LlamaModel implements AutoCloseable {

    private final LlamaConfig config;
    private final NDManager manager;
    private final DataType dataType;
    private final LinkedHashMap<String, NDArray> params;
    private final Decoder decoder;

    private LlamaModel(LlamaConfig config, NDManager manager, LinkedHashMap<String, NDArray> params, DataType type) {
        this.config = config;
        this.manager = manager;
        this.params = params;
        this.dataType = type;
        this.decoder = new Decoder(config, params);
    }

    /**
     * Creates a randomly initialised model as transformers does: weights ~ N(0, initializer_range or 0.02),
     * biases 0, norm weights 1 (0 for Gemma's 1 + w norms). The same seed gives the same weights on every machine (drawn in Java).
     *
     * @param config the config
     * @param device the device
     * @param seed the seed
     * @return the model (fp32)
     */
    public static LlamaModel create(LlamaConfig config, Device device, long seed) {
        NDManager manager = Engines.newManager(device);
        Object range = config.extra().get("initializer_range");
        double std = range instanceof Number n ? n.doubleValue() : 0.02;
        SplittableRandom root = new SplittableRandom(seed);
        LinkedHashMap<String, NDArray> params = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : LlamaWeights.expected(config).entrySet()) {
            SplittableRandom rnd = root.split();
            Shape shape = e.getValue();
            NDArray a;
            if (LlamaWeights.isNorm(e.getKey())) {
                a = config.options().offsetNorm() ? manager.zeros(shape) : manager.ones(shape);
            } else if (e.getKey().endsWith(".bias")) {
                a = manager.zeros(shape);
            } else {
                float[] w = new float[Math.toIntExact(shape.size())];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) (rnd.nextGaussian() * std);
                }
                a = manager.create(w, shape);
            }
            a.setName(e.getKey());
            params.put(e.getKey(), a);
        }
        return new LlamaModel(config, manager, params, DataType.FLOAT32);
    }

    /**
     * Loads a Hugging Face checkpoint directory in fp32 (bf16/fp16/fp32 tensors on disk).
     *
     * @param hfDir directory with config.json and model.safetensors (or an index and shards)
     * @param device the device
     * @return the model
     * @throws CheckpointException naming any missing, unexpected or mis-shaped tensor
     */
    public static LlamaModel load(Path hfDir, Device device) {
        return load(hfDir, device, DataType.FLOAT32);
    }

    /**
     * Loads a Hugging Face checkpoint directory, computing in {@code dtype}: FLOAT32,
     * or FLOAT16 on a GPU (DJL 0.35.1's PyTorch engine has no bfloat16, see {@link Bfloat16}).
     *
     * @param hfDir the directory
     * @param device the device
     * @param dtype the compute type
     * @return the model
     */
    public static LlamaModel load(Path hfDir, Device device, DataType dtype) {
        DataTypes.checkSupported(dtype);
        LlamaConfig config = LlamaConfig.read(hfDir.resolve(CheckpointIO.CONFIG));
        NDManager manager = Engines.newManager(device);
        try {
            return new LlamaModel(config, manager, CheckpointIO.loadWeights(hfDir, config, manager, dtype), dtype);
        } catch (IOException e) {
            manager.close();
            throw new UncheckedIOException("Cannot load " + hfDir, e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Writes config.json and model.safetensors (fp32) with Hugging Face names.
     *
     * @param dir the directory (created if needed)
     */
    public void save(Path dir) {
        save(dir, DataType.FLOAT32);
    }

    /**
     * Writes config.json and model.safetensors, storing weights as FLOAT32, BFLOAT16 or FLOAT16.
     *
     * @param dir the directory (created if needed)
     * @param storage the on-disk type
     */
    public void save(Path dir, DataType storage) {
        try {
            CheckpointIO.save(dir, config, params, storage);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save to " + dir, e);
        }
    }

    /** @return HF name to parameter array (a copy of the map; the arrays are the model's own) */
    public LinkedHashMap<String, NDArray> parameters() {
        return new LinkedHashMap<>(params);
    }

    /**
     * Full-sequence forward with a causal mask.
     *
     * @param inputIds {@code [B, T]} token ids
     * @return fp32 logits {@code [B, T, vocab]}, attached to the manager of {@code inputIds}
     */
    public NDArray forward(NDArray inputIds) {
        return decoder.run(inputIds, null, null);
    }

    /**
     * Forward of new tokens only, reading and extending a KV cache.
     *
     * @param inputIds {@code [B, T]} the tokens after those already in the cache
     * @param cache the cache
     * @return fp32 logits of the new tokens {@code [B, T, vocab]}, attached to the input's manager
     */
    public NDArray forward(NDArray inputIds, KvCache cache) {
        return decoder.run(inputIds, null, cache);
    }

    /**
     * Forward with padding: {@code attentionMask} is 1 on real tokens and 0 on padding (e.g. left padding);
     * padded keys are masked and each sequence gets its own position ids.
     *
     * @param inputIds {@code [B, T]} token ids
     * @param attentionMask {@code [B, T]} 1/0
     * @param cache the cache, or null
     * @return fp32 logits {@code [B, T, vocab]}, attached to the input's manager
     */
    public NDArray forward(NDArray inputIds, NDArray attentionMask, KvCache cache) {
        return decoder.run(inputIds, attentionMask, cache);
    }

    /**
     * Applies a LoRA adapter to every forward from now on, or none ({@code null}). The adapter's arrays stay
     * the adapter's; this model's weights are unchanged.
     *
     * @param adapter an adapter made for this model, or null
     */
    public void useAdapter(LoraAdapter adapter) {
        decoder.useAdapter(adapter);
    }

    /** The most logits a run of positions holds in {@link #backward}: 32M floats, 128 MB (a batch below is one run). */
    public static final long LOGITS_PER_RUN = 32L << 20;

    /** The positions per run of {@link #backward} for {@code batch} sequences over {@code vocab} tokens. */
    public static long positionsPerRun(long batch, long vocab) {
        return Math.max(1, LOGITS_PER_RUN / Math.max(1, batch * vocab));
    }

    /**
     * One training forward and backward ({@link TrainingBackward}): the gradients that
     * {@code backward(scale * sum of loss(logits of each run of positions))} accumulates, with the head and loss
     * computed a run of positions at a time (so a large vocabulary's logits never exist for the whole batch), and
     * optionally with activation checkpointing per decoder layer (one layer's autograd graph alive at a time).
     * Gradients accumulate into every parameter (and adapter tensor) that requires them.
     *
     * @param inputIds {@code [B, T]} token ids (no padding mask, no cache)
     * @param loss the scalar of a run of positions, from its fp32 logits {@code [B, n, vocab]}
     * @param scale the gradient the summed loss is back-propagated with (e.g. 1 / number of targets)
     * @param checkpointing recompute each decoder layer's forward during backward
     * @return the summed loss (unscaled)
     */
    public double backward(NDArray inputIds, ChunkLoss loss, float scale, boolean checkpointing) {
        return TrainingBackward.run(decoder, inputIds, loss, scale, checkpointing, TrainingBackward.MAX_LOGITS);
    }

    /**
     * As {@link #backward(NDArray, ChunkLoss, float, boolean)} for a loss at listed positions: the final norm, LM head
     * and log-softmax run at those positions only (the same value and gradients as the dense loss over
     * {@link TargetLoss#denseWeights}, for the cost of the targets rather than of every position).
     */
    public double backward(NDArray inputIds, TargetLoss loss, float scale, boolean checkpointing) {
        return TrainingBackward.run(decoder, inputIds, loss, scale, checkpointing, TrainingBackward.MAX_LOGITS);
    }

    /** As {@link #backward(NDArray, TargetLoss, float, boolean)}, with at most {@code maxLogits} logits per run. */
    double backward(NDArray inputIds, TargetLoss loss, float scale, boolean checkpointing, long maxLogits) {
        return TrainingBackward.run(decoder, inputIds, loss, scale, checkpointing, maxLogits);
    }

    /** As {@link #backward(NDArray, ChunkLoss, float, boolean)}, with at most {@code maxLogits} logits per run. */
    double backward(NDArray inputIds, ChunkLoss loss, float scale, boolean checkpointing, long maxLogits) {
        return TrainingBackward.run(decoder, inputIds, loss, scale, checkpointing, maxLogits);
    }

    /** @return a new, empty KV cache for this model */
    public KvCache newCache() {
        return new KvCache(this);
    }

    /**
     * @param positions the positions a generation will reach (prompt and new tokens)
     * @return a new, empty KV cache for this model whose buffers hold exactly that many
     */
    public KvCache newCache(long positions) {
        return new KvCache(this, positions);
    }

    /** @return the number of parameters (tied embeddings counted once) */
    public long parameterCount() {
        return params.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /** @return the config */
    public LlamaConfig config() {
        return config;
    }

    /** @return the manager that owns the parameters */
    public NDManager manager() {
        return manager;
    }

    /** @return the device */
    public Device device() {
        return manager.getDevice();
    }

    /** @return the compute type of the parameters */
    public DataType dataType() {
        return dataType;
    }

    /** Frees every parameter and cache of this model. */
    @Override
    public void close() {
        manager.close();
    }
}
