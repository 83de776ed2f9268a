package dev.pinch.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

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

    NDManager manager();

    Device device();

    /** Writes config.json and model.safetensors (Hugging Face names and layout) into {@code dir}. */
    void save(Path dir) throws IOException;

    @Override
    void close();
}
