package dev.pinch.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.pinch.lm.ChunkLoss;
import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.LlamaModel;
import dev.pinch.lm.TargetLoss;

import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * The {@code lm} module's Llama-family decoder as a {@link CausalLm}. Its forward keeps every
 * intermediate in a sub-manager of the input's manager, so the per-step manager of the loop owns them.
 */
final class LlamaLm implements CausalLm {

    private final LlamaModel model;
    private final LinkedHashMap<String, NDArray> params;

    private LlamaLm(LlamaModel model) {
        this.model = model;
        this.params = model.parameters();
    }

    /** Loads a Hugging Face layout directory (a base model or a checkpoint) in fp32. */
    static LlamaLm load(Path dir, Device device) {
        return new LlamaLm(LlamaModel.load(dir, device));
    }

    /** A freshly initialised model (weights ~ N(0, initializer_range)), for pretraining. */
    static LlamaLm create(LlamaConfig config, Device device, long seed) {
        return new LlamaLm(LlamaModel.create(config, device, seed));
    }

    LlamaModel model() {
        return model;
    }

    @Override
    public LinkedHashMap<String, NDArray> parameters() {
        return params;
    }

    @Override
    public NDArray forward(NDArray inputIds) {
        return model.forward(inputIds);
    }

    @Override
    public double backward(NDArray inputIds, ChunkLoss loss, float scale, boolean checkpointing) {
        return model.backward(inputIds, loss, scale, checkpointing);
    }

    @Override
    public double backward(NDArray inputIds, TargetLoss loss, float scale, boolean checkpointing) {
        return model.backward(inputIds, loss, scale, checkpointing);
    }

    @Override
    public NDManager manager() {
        return model.manager();
    }

    @Override
    public Device device() {
        return model.device();
    }

    @Override
    public void save(Path dir) {
        model.save(dir);
    }

    @Override
    public void close() {
        model.close();
    }
}
