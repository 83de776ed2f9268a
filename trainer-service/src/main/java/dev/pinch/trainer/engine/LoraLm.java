package dev.pinch.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.pinch.lm.ChunkLoss;
import dev.pinch.lm.LoraAdapter;
import dev.pinch.lm.LoraSpec;
import dev.pinch.lm.TargetLoss;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * A frozen base model with LoRA adapters as a {@link CausalLm}: its parameters are the adapters' A and B
 * only (PEFT names), so the optimizer holds moments for those alone and the base never gets a gradient; a
 * checkpoint is PEFT's adapter layout ({@code adapter_config.json}, {@code adapter_model.safetensors}) naming
 * the base in {@code base_model_name_or_path}.
 */
final class LoraLm implements CausalLm {

    private final LlamaLm base;
    private final LoraAdapter adapter;
    private final String baseName;
    private final LinkedHashMap<String, NDArray> params;

    private LoraLm(LlamaLm base, LoraAdapter adapter, String baseName) {
        this.base = base;
        this.adapter = adapter;
        this.baseName = baseName;
        this.params = adapter.parameters();
        base.model().useAdapter(adapter);
    }

    /**
     * Loads the base and either a fresh adapter (seeded) or, when {@code resumeFrom} is given, the adapter of
     * that checkpoint.
     */
    static LoraLm load(Path baseDir, Path resumeFrom, LoraSpec spec, long seed, String baseName, Device device)
            throws IOException {
        LlamaLm base = LlamaLm.load(baseDir, device);
        try {
            LoraAdapter adapter = resumeFrom != null ? LoraAdapter.load(resumeFrom, base.model())
                    : LoraAdapter.create(base.model(), spec, seed);
            if (!adapter.spec().equals(spec)) {
                adapter.close();
                throw new IllegalStateException("cannot resume from " + resumeFrom + ": its adapter is "
                        + adapter.spec() + ", this run's is " + spec);
            }
            return new LoraLm(base, adapter, baseName);
        } catch (IOException | RuntimeException e) {
            base.close();
            throw e;
        }
    }

    LlamaLm base() {
        return base;
    }

    @Override
    public LinkedHashMap<String, NDArray> parameters() {
        return params;
    }

    @Override
    public NDArray forward(NDArray inputIds) {
        return base.forward(inputIds);
    }

    @Override
    public double backward(NDArray inputIds, ChunkLoss loss, float scale, boolean checkpointing) {
        return base.backward(inputIds, loss, scale, checkpointing);
    }

    @Override
    public double backward(NDArray inputIds, TargetLoss loss, float scale, boolean checkpointing) {
        return base.backward(inputIds, loss, scale, checkpointing);
    }

    @Override
    public void dropoutSeed(long seed) {
        adapter.dropoutSeed(seed);
    }

    @Override
    public NDManager manager() {
        return base.manager();
    }

    @Override
    public Device device() {
        return base.device();
    }

    @Override
    public void save(Path dir) throws IOException {
        adapter.save(dir, baseName);
    }

    @Override
    public void close() {
        adapter.close();
        base.close();
    }
}
