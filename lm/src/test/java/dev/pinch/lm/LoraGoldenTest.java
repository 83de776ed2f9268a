package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * LoRA against PEFT (make_lora_golden.py): PEFT's own adapter file on the golden llama gives PEFT's logits,
 * gradients of every lora_A/B (and none of the frozen base) and merged logits; an adapter Pinch writes has
 * PEFT's file names, config keys and tensor names, and PEFT loaded such an adapter to the same logits
 * (peft-loads-pinch.json, recorded by the generator's --check-pinch).
 */
class LoraGoldenTest {

    private static final Path DIR = TestData.golden("lora-llama");

    @Test
    void forwardAndGradientsMatchPeft() throws IOException {
        Map<String, Safetensors.Tensor> golden = Safetensors.read(DIR.resolve("golden.safetensors"));
        try (LlamaModel model = LlamaModel.load(TestData.golden("llama"), Device.cpu());
                LoraAdapter adapter = LoraAdapter.load(DIR.resolve("adapter"), model);
                NDManager m = model.manager().newSubManager()) {
            assertThat(adapter.spec()).isEqualTo(new LoraSpec(4, 8, 0, LoraSpec.ALL_PROJECTIONS));
            model.useAdapter(adapter);
            adapter.parameters().values().forEach(p -> p.setRequiresGradient(true));
            NDArray ids = golden.get("input_ids").toNDArray(m, DataType.INT64);
            NDArray weights = golden.get("loss_weights").toNDArray(m, DataType.FLOAT32);
            NDArray expected = golden.get("logits").toNDArray(m, DataType.FLOAT32);
            try (GradientCollector collector = Engines.engine().newGradientCollector()) {
                NDArray logits = model.forward(ids);
                assertThat(TestData.maxAbsDiff(logits, expected)).isLessThan(1e-4f);
                NDArray base = forwardWithout(model, ids);
                assertThat(TestData.maxAbsDiff(base, expected)).as("the adapter changes the logits").isGreaterThan(0.1f);
                model.useAdapter(adapter);
                collector.backward(logits.mul(weights).sum());
            }
            assertThat(adapter.parameters()).hasSize(28);
            for (Map.Entry<String, NDArray> e : adapter.parameters().entrySet()) {
                NDArray want = golden.get("grad." + e.getKey()).toNDArray(m, DataType.FLOAT32);
                try (NDArray grad = e.getValue().getGradient()) {
                    float scale = Math.max(1f, want.abs().max().getFloat());
                    assertThat(want.abs().max().getFloat()).as(e.getKey()).isGreaterThan(1e-3f);
                    // fp32 against PEFT on transformers (other op order: eager attention, separate lora_A/lora_B matmuls,
                    // and another BLAS): within 1e-4 of the largest gradient, the project's bound for golden gradients
                    assertThat(TestData.maxAbsDiff(grad, want) / scale).as(e.getKey()).isLessThan(1e-4f);
                }
            }
            model.parameters().values().forEach(p -> assertThat(p.hasGradient()).isFalse());
        }
    }

    private static NDArray forwardWithout(LlamaModel model, NDArray ids) {
        model.useAdapter(null);
        return model.forward(ids);
    }

    @Test
    void mergedModelMatchesPeftMerge() throws IOException {
        Map<String, Safetensors.Tensor> golden = Safetensors.read(DIR.resolve("golden.safetensors"));
        try (LlamaModel model = LlamaModel.load(TestData.golden("llama"), Device.cpu());
                LoraAdapter adapter = LoraAdapter.load(DIR.resolve("adapter"), model);
                NDManager m = model.manager().newSubManager()) {
            adapter.mergeInto(model);
            NDArray ids = golden.get("input_ids").toNDArray(m, DataType.INT64);
            NDArray merged = golden.get("merged_logits").toNDArray(m, DataType.FLOAT32);
            assertThat(TestData.maxAbsDiff(model.forward(ids), merged)).isLessThan(1e-4f);
        }
    }

    /** The merge option: a full checkpoint of base + adapter that loads without PEFT and gives PEFT's merged logits. */
    @Test
    void mergedCheckpointLoadsAsAPlainModel(@org.junit.jupiter.api.io.TempDir Path out) throws IOException {
        LoraMerge.write(TestData.golden("llama"), DIR.resolve("adapter"), out);
        Map<String, Safetensors.Tensor> golden = Safetensors.read(DIR.resolve("golden.safetensors"));
        assertThat(out.resolve("config.json")).exists();
        assertThat(Safetensors.read(out.resolve("model.safetensors")).keySet())
                .noneMatch(k -> k.contains("lora")).contains("model.layers.0.self_attn.q_proj.weight");
        try (LlamaModel model = LlamaModel.load(out, Device.cpu()); NDManager m = model.manager().newSubManager()) {
            NDArray ids = golden.get("input_ids").toNDArray(m, DataType.INT64);
            NDArray merged = golden.get("merged_logits").toNDArray(m, DataType.FLOAT32);
            assertThat(TestData.maxAbsDiff(model.forward(ids), merged)).isLessThan(1e-4f);
        }
    }

    /**
     * A fresh adapter starts as the base (B = 0) and is written with PEFT's names; the copy of such a file
     * that PEFT loaded (pinch-written/) is what this code writes today, and PEFT's record says it agreed.
     */
    @Test
    void writtenAdapterHasPeftsNamesAndPeftLoadedIt() throws IOException {
        Path out = Path.of("target", "pinch-adapter");
        Map<String, Safetensors.Tensor> golden = Safetensors.read(DIR.resolve("golden.safetensors"));
        try (LlamaModel model = LlamaModel.load(TestData.golden("llama"), Device.cpu());
                LoraAdapter adapter = LoraAdapter.create(model, new LoraSpec(4, 8, 0, LoraSpec.ALL_PROJECTIONS), 7);
                NDManager m = model.manager().newSubManager()) {
            NDArray ids = golden.get("input_ids").toNDArray(m, DataType.INT64);
            NDArray base = model.forward(ids);
            model.useAdapter(adapter);
            assertThat(TestData.maxAbsDiff(model.forward(ids), base)).as("B = 0 at the start").isEqualTo(0f);
            for (NDArray b : adapter.parameters().values()) {
                if (b.getShape().get(1) == 4) {
                    b.addi(m.ones(b.getShape()).mul(0.05f));
                }
            }
            adapter.save(out, "../llama");
            LinkedHashMap<String, NDArray> logits = new LinkedHashMap<>();
            logits.put("logits", model.forward(ids));
            Safetensors.write(out.resolve("pinch-logits.safetensors"), logits);
        }
        Path peft = DIR.resolve("adapter");
        Path recorded = DIR.resolve("pinch-written");
        assertThat(names(out)).isEqualTo(names(peft)).isEqualTo(new TreeSet<>(
                java.util.List.of(LoraAdapter.CONFIG, LoraAdapter.WEIGHTS)));
        assertThat(configKeys(out)).isEqualTo(configKeys(peft));
        assertThat(Safetensors.read(out.resolve(LoraAdapter.WEIGHTS)).keySet())
                .isEqualTo(Safetensors.read(peft.resolve(LoraAdapter.WEIGHTS)).keySet());
        assertThat(Files.readString(out.resolve(LoraAdapter.CONFIG)))
                .isEqualTo(Files.readString(recorded.resolve(LoraAdapter.CONFIG)));
        for (String f : java.util.List.of(LoraAdapter.WEIGHTS, "pinch-logits.safetensors")) {
            Map<String, Safetensors.Tensor> now = Safetensors.read(out.resolve(f));
            Map<String, Safetensors.Tensor> then = Safetensors.read(recorded.resolve(f));
            assertThat(now.keySet()).isEqualTo(then.keySet());
            if (f.equals(LoraAdapter.WEIGHTS)) { // the written adapter is exactly the one PEFT loaded
                now.forEach((k, t) -> assertThat(t.data()).as(f + " " + k + " as PEFT loaded it").isEqualTo(then.get(k).data()));
            } else { // logits: the same up to the BLAS's summation order (MKL's kernels differ by CPU)
                try (NDManager m = Engines.newManager(Device.cpu())) {
                    now.forEach((k, t) -> assertThat(TestData.maxAbsDiff(t.toNDArray(m, DataType.FLOAT32),
                            then.get(k).toNDArray(m, DataType.FLOAT32))).as(f + " " + k).isLessThan(1e-5f));
                }
            }
        }
        JsonObject verdict = new Gson().fromJson(Files.readString(DIR.resolve("peft-loads-pinch.json")),
                JsonObject.class);
        assertThat(verdict.get("config_keys_equal").getAsBoolean()).isTrue();
        assertThat(verdict.get("tensor_names_equal").getAsBoolean()).isTrue();
        assertThat(verdict.get("max_abs_logit_diff").getAsDouble()).isLessThan(1e-4);
        assertThat(verdict.get("logit_scale").getAsDouble()).isGreaterThan(1);
    }

    private static TreeSet<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("pinch-"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static TreeSet<String> configKeys(Path dir) throws IOException {
        JsonObject o = new Gson().fromJson(Files.readString(dir.resolve(LoraAdapter.CONFIG)), JsonObject.class);
        return new TreeSet<>(o.keySet());
    }
}
