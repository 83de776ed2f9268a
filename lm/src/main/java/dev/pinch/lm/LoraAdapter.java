package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * LoRA adapters for a {@link LlamaModel}'s projections, stored as PEFT stores them: tensors named
 * {@code base_model.model.<module>.lora_A.weight} and {@code ...lora_B.weight} (PEFT's
 * {@code get_peft_model_state_dict} without the adapter name, src/peft/utils/save_and_load.py) in
 * {@code adapter_model.safetensors}, beside {@code adapter_config.json} ({@link AdapterConfigJson}).
 * The tensors live in this adapter's own manager; the base model's weights are not touched (except by
 * {@link #mergeInto}).
 */
public final class LoraAdapter implements AutoCloseable {

    /** PEFT's weights file name (src/peft/utils/constants.py, SAFETENSORS_WEIGHTS_NAME). */
    public static final String WEIGHTS = "adapter_model.safetensors";
    /** PEFT's config file name (src/peft/utils/constants.py, CONFIG_NAME). */
    public static final String CONFIG = "adapter_config.json";

    private static final String PREFIX = "base_model.model.";

    private final LoraSpec spec;
    private final NDManager manager;
    private final LinkedHashMap<String, NDArray> tensors = new LinkedHashMap<>();
    private final IdentityHashMap<NDArray, LoraPair> byWeight = new IdentityHashMap<>();
    private volatile long dropoutSeed;

    private LoraAdapter(LoraSpec spec, LlamaModel model, Map<String, NDArray> loaded, long seed) {
        this.spec = spec;
        this.manager = model.manager().newSubManager();
        SplittableRandom root = new SplittableRandom(seed);
        for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
            String module = spec.targetedModule(e.getKey());
            if (module == null) {
                continue;
            }
            Shape w = e.getValue().getShape();
            NDArray a = loaded != null ? take(loaded, module + ".lora_A.weight", new Shape(spec.rank(), w.get(1)))
                    : kaimingUniform(new Shape(spec.rank(), w.get(1)), root.split());
            NDArray b = loaded != null ? take(loaded, module + ".lora_B.weight", new Shape(w.get(0), spec.rank()))
                    : manager.zeros(new Shape(w.get(0), spec.rank()));
            tensors.put(PREFIX + module + ".lora_A.weight", a);
            tensors.put(PREFIX + module + ".lora_B.weight", b);
            byWeight.put(e.getValue(), new LoraPair(module, a, b, byWeight.size()));
        }
    }

    /**
     * A fresh adapter as PEFT initialises one: A from {@code kaiming_uniform_(a=sqrt(5))} (uniform in
     * {@code ±1/sqrt(in)}), drawn in Java from {@code seed}; B zero, so the adapted model starts equal to the base.
     */
    public static LoraAdapter create(LlamaModel model, LoraSpec spec, long seed) {
        return new LoraAdapter(spec, model, null, seed);
    }

    /** Reads a PEFT adapter directory for {@code model}; fails on a missing or mis-shaped tensor. */
    public static LoraAdapter load(Path dir, LlamaModel model) throws IOException {
        LoraSpec spec = AdapterConfigJson.read(dir.resolve(CONFIG));
        Map<String, Safetensors.Tensor> file = Safetensors.read(dir.resolve(WEIGHTS));
        try (NDManager staging = model.manager().newSubManager()) {
            Map<String, NDArray> loaded = new LinkedHashMap<>();
            file.forEach((k, t) -> loaded.put(k, t.toNDArray(staging, DataType.FLOAT32)));
            LoraAdapter adapter = new LoraAdapter(spec, model, loaded, 0);
            if (!loaded.isEmpty()) {
                adapter.close();
                throw new IllegalArgumentException(dir + ": unexpected adapter tensors " + loaded.keySet());
            }
            return adapter;
        }
    }

    /** Whether {@code dir} holds a PEFT adapter ({@value #CONFIG}) rather than full weights. */
    public static boolean isAdapter(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    /** The base model an adapter directory names in {@code base_model_name_or_path} ("" when none). */
    public static String baseModelOf(Path dir) throws IOException {
        return AdapterConfigJson.baseModel(dir.resolve(CONFIG));
    }

    private NDArray take(Map<String, NDArray> loaded, String name, Shape shape) {
        NDArray a = loaded.remove(PREFIX + name);
        if (a == null || !a.getShape().equals(shape)) {
            throw new IllegalArgumentException("adapter tensor " + PREFIX + name + " is "
                    + (a == null ? "missing" : a.getShape() + ", expected " + shape));
        }
        a.attach(manager);
        return a;
    }

    private NDArray kaimingUniform(Shape shape, SplittableRandom rnd) {
        double bound = 1 / Math.sqrt(shape.get(1));
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
        }
        return manager.create(v, shape);
    }

    /**
     * Sets the seed of the dropout masks of the next training forwards (the trainer sets one per micro-batch,
     * from the run's seed and its data position, so a resumed run draws the masks an uninterrupted one would).
     */
    public void dropoutSeed(long seed) {
        this.dropoutSeed = seed;
    }

    /**
     * PEFT's {@code lora_dropout} on a projection's input, with a mask that is a function of the dropout seed and
     * the projection alone: libtorch's generator is seeded for each draw, under a lock so that no other draw
     * interleaves. Recomputing a layer (activation checkpointing) or resuming a run thus reproduces the mask.
     */
    NDArray dropout(NDArray x, LoraPair pair, float p) {
        long z = dropoutSeed + 0x9E3779B97F4A7C15L * (pair.index() + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        synchronized (LoraAdapter.class) {
            ai.djl.pytorch.jni.JniUtils.setSeed(z ^ (z >>> 31));
            return x.getNDArrayInternal().dropout(x, p, true).head();
        }
    }

    /**
     * Writes {@code adapter_config.json} and {@code adapter_model.safetensors} (fp32).
     *
     * @param dir the directory (created if needed)
     * @param baseModel what goes into {@code base_model_name_or_path}
     */
    public void save(Path dir, String baseModel) throws IOException {
        Files.createDirectories(dir);
        Safetensors.write(dir.resolve(WEIGHTS), tensors);
        AdapterConfigJson.write(dir.resolve(CONFIG), spec, baseModel);
    }

    /** Adds {@code scaling * B @ A} to every adapted weight of {@code model} (PEFT's merge), in place. */
    public void mergeInto(LlamaModel model) {
        for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
            LoraPair p = byWeight.get(e.getValue());
            if (p != null) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray delta = p.b().matMul(p.a());
                    delta.attach(scope);
                    NDArray scaled = delta.mul(spec.scaling());
                    scaled.attach(scope);
                    e.getValue().addi(scaled.toType(e.getValue().getDataType(), false));
                }
            }
        }
    }

    /** @return the adapted pair of a base weight, or null */
    LoraPair pairOf(NDArray weight) {
        return byWeight.get(weight);
    }

    /** @return PEFT tensor name to array (the adapter's own arrays, in a stable order) */
    public LinkedHashMap<String, NDArray> parameters() {
        return new LinkedHashMap<>(tensors);
    }

    /** @return the spec */
    public LoraSpec spec() {
        return spec;
    }

    @Override
    public void close() {
        manager.close();
    }
}
