package dev.pinch.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** A bigram stand-in for the Llama model (embedding, scale vector, output head) to test the loop alone. */
final class TinyLm implements CausalLm {

    private final NDManager manager;
    private final LinkedHashMap<String, NDArray> params = new LinkedHashMap<>();
    private final int vocab;

    private TinyLm(int vocab) {
        this.manager = NDManager.newBaseManager(Device.cpu());
        this.vocab = vocab;
    }

    static TinyLm create(int vocab, int dim, long seed) {
        TinyLm m = new TinyLm(vocab);
        Random r = new Random(seed);
        m.params.put("embed.weight", m.manager.create(gaussian(r, vocab * dim), new Shape(vocab, dim)));
        float[] ones = new float[dim];
        java.util.Arrays.fill(ones, 1f);
        m.params.put("norm.weight", m.manager.create(ones));
        m.params.put("head.weight", m.manager.create(gaussian(r, vocab * dim), new Shape(vocab, dim)));
        return m;
    }

    static TinyLm load(Path dir) throws IOException {
        try (NDManager tmp = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> saved = OptimizerFile.read(dir.resolve("model.safetensors"), tmp).tensors();
            TinyLm m = new TinyLm((int) saved.get("embed.weight").getShape().get(0));
            saved.forEach((k, v) -> m.params.put(k, m.manager.create(v.toFloatArray(), v.getShape())));
            return m;
        }
    }

    private static float[] gaussian(Random r, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (r.nextGaussian() * 0.1);
        }
        return f;
    }

    @Override
    public LinkedHashMap<String, NDArray> parameters() {
        return params;
    }

    @Override
    public NDArray forward(NDArray inputIds) {
        NDArray x = inputIds.oneHot(vocab, DataType.FLOAT32).matMul(params.get("embed.weight"));
        return x.mul(params.get("norm.weight")).matMul(params.get("head.weight").transpose());
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public Device device() {
        return Device.cpu();
    }

    @Override
    public void save(Path dir) throws IOException {
        OptimizerFile.write(dir.resolve("model.safetensors"), params, 0);
        Files.writeString(dir.resolve("config.json"), "{\"model_type\":\"tiny\"}");
    }

    @Override
    public void close() {
        manager.close();
    }
}
