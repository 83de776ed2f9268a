package dev.pinch.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.pinch.lm.ChunkLoss;
import dev.pinch.lm.MaskedLmLoss;
import dev.pinch.lm.TargetLoss;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * The model as the training loop sees it: named parameters (Hugging Face names, in a stable order), a
 * causal forward pass, and a writer for the Hugging Face layout. {@link LlamaLm} adapts the {@code lm}
 * module's Llama decoder; tests may use smaller stand-ins.
 */
interface CausalLm extends AutoCloseable {

    /** The trainable tensors by name; updated in place by the optimizer. */
    LinkedHashMap<String, NDArray> parameters();

    /** Logits [B, T, V] for int64 token ids [B, T]; position t sees tokens 0..t only. */
    NDArray forward(NDArray inputIds);

    /**
     * Forward and backward of {@code scale * sum of loss(logits of each run of positions)}, gradients accumulating
     * into the parameters; with {@code checkpointing}, each decoder layer's forward is recomputed during backward.
     * This default does one plain forward and backward over all positions (one run).
     *
     * @return the summed loss (unscaled)
     */
    default double backward(NDArray inputIds, ChunkLoss loss, float scale, boolean checkpointing) {
        try (var mode = Gradients.recording(true)) {
            NDArray value = loss.apply(forward(inputIds), 0);
            Gradients.backward(value.mul(Gradients.scalar(value.getManager(), scale)));
            return value.getFloat();
        }
    }

    /**
     * Forward and backward of {@code scale * loss}, a loss at listed positions only: a model that can runs its head at
     * those positions alone. This default computes the same dense masked loss over every position.
     *
     * @return the summed loss (unscaled)
     */
    default double backward(NDArray inputIds, TargetLoss loss, float scale, boolean checkpointing) {
        Shape shape = inputIds.getShape();
        int rows = Math.toIntExact(shape.get(0));
        int cols = Math.toIntExact(shape.get(1));
        NDArray dense = inputIds.getManager().create(loss.denseWeights(rows, cols), shape);
        return backward(inputIds, (logits, from) -> MaskedLmLoss.nllSum(logits, inputIds, dense, from), scale,
                checkpointing);
    }

    /**
     * Seeds the dropout masks of the next forward (a model without dropout ignores it); the step runner sets one per
     * micro-batch from the run's seed and the data position, so a resumed run draws the same masks.
     */
    default void dropoutSeed(long seed) {
    }

    NDManager manager();

    Device device();

    /** Writes config.json and model.safetensors (Hugging Face names and layout) into {@code dir}. */
    void save(Path dir) throws IOException;

    @Override
    void close();
}
