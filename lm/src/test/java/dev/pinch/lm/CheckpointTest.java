package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save/load round trips, HF names and layout, and errors that name the offending tensor. */
class CheckpointTest {

    @TempDir
    Path tmp;

    private static final LlamaConfig TINY = LlamaConfig.llama(32, 64, 2, 4, 2, 50, 32, null, 1, 0);

    @Test
    void saveThenLoadGivesIdenticalLogitsNamesAndShapes() throws IOException {
        try (LlamaModel model = LlamaModel.create(TINY, Device.cpu(), 7);
                NDManager m = model.manager().newSubManager()) {
            NDArray ids = m.randomInteger(0, 50, new Shape(2, 9), DataType.INT64);
            NDArray before = model.forward(ids);
            model.save(tmp);
            Map<String, Safetensors.Tensor> saved = Safetensors.read(tmp.resolve("model.safetensors"));
            LinkedHashMap<String, Shape> expected = LlamaWeights.expected(TINY);
            assertThat(new ArrayList<>(saved.keySet())).containsExactlyElementsOf(expected.keySet());
            saved.forEach((name, t) -> assertThat(t.shape()).as(name).isEqualTo(expected.get(name)));
            assertThat(saved).containsKeys("model.embed_tokens.weight", "model.layers.1.self_attn.q_proj.weight",
                    "model.layers.0.mlp.down_proj.weight", "model.norm.weight", "lm_head.weight");
            assertThat(LlamaConfig.read(tmp.resolve("config.json"))).isEqualTo(TINY);
            try (LlamaModel again = LlamaModel.load(tmp, Device.cpu())) {
                assertThat(TestData.maxAbsDiff(again.forward(ids), before)).isZero();
            }
        }
    }

    @Test
    void tiedModelWritesNoLmHeadAndKeepsItsFamily() throws IOException {
        try (LlamaModel model = LlamaModel.load(TestData.golden("qwen2"), Device.cpu())) {
            model.save(tmp);
        }
        assertThat(Safetensors.read(tmp.resolve("model.safetensors"))).doesNotContainKey("lm_head.weight");
        assertThat(Files.readString(tmp.resolve("config.json"))).contains("Qwen2ForCausalLM");
        assertThat(LlamaConfig.read(tmp.resolve("config.json")))
                .isEqualTo(LlamaConfig.read(TestData.golden("qwen2").resolve("config.json")));
    }

    @Test
    void bf16WritingMatchesPytorchRounding() throws IOException {
        Map<String, Safetensors.Tensor> torch = CheckpointIO.readTensors(TestData.golden("llama-bf16-sharded"));
        try (LlamaModel model = LlamaModel.load(TestData.golden("llama"), Device.cpu())) {
            model.save(tmp, DataType.BFLOAT16);
        }
        Map<String, Safetensors.Tensor> ours = Safetensors.read(tmp.resolve("model.safetensors"));
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(torch.keySet());
        ours.forEach((name, t) -> {
            assertThat(t.dtype()).isEqualTo("BF16");
            assertThat(t.data()).as(name).isEqualTo(torch.get(name).data());
        });
        assertThat(LlamaConfig.read(tmp.resolve("config.json")).torchDtype()).isEqualTo("bfloat16");
    }

    @Test
    void missingExtraAndMisshapedTensorsAreNamed() throws IOException {
        try (LlamaModel model = LlamaModel.create(TINY, Device.cpu(), 1);
                NDManager m = model.manager().newSubManager()) {
            LinkedHashMap<String, NDArray> params = model.parameters();
            params.remove("model.layers.1.mlp.up_proj.weight");
            params.put("model.layers.0.self_attn.k_proj.weight", m.zeros(new Shape(17, 32)));
            params.put("model.extra.weight", m.zeros(new Shape(3)));
            CheckpointIO.save(tmp, TINY, params, DataType.FLOAT32);
        }
        assertThatThrownBy(() -> LlamaModel.load(tmp, Device.cpu()))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("missing tensor model.layers.1.mlp.up_proj.weight")
                .hasMessageContaining("unexpected tensor model.extra.weight")
                .hasMessageContaining("model.layers.0.self_attn.k_proj.weight has shape (17, 32)")
                .hasMessageContaining("expects (16, 32)");
    }

    @Test
    void shardedIndexMustMatchItsShards() throws IOException {
        Path src = TestData.golden("llama-bf16-sharded");
        for (Path p : Files.list(src).toList()) {
            Files.copy(p, tmp.resolve(p.getFileName()));
        }
        try (LlamaModel ok = LlamaModel.load(tmp, Device.cpu())) {
            assertThat(ok.parameterCount()).isEqualTo(LlamaWeights.count(ok.config()));
        }
        Path index = tmp.resolve("model.safetensors.index.json");
        Files.writeString(index, Files.readString(index).replace("\"model.norm.weight\"", "\"model.normal.weight\""));
        assertThatThrownBy(() -> LlamaModel.load(tmp, Device.cpu())).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("model.normal.weight");
        Files.delete(index);
        assertThatThrownBy(() -> LlamaModel.load(tmp, Device.cpu())).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("model.safetensors");
    }

    @Test
    void computeInBfloat16IsRejectedInsteadOfCrashing() {
        assertThatThrownBy(() -> LlamaModel.load(TestData.golden("llama"), Device.cpu(), DataType.BFLOAT16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("no", "bfloat16");
    }

    @Test
    void createIsDeterministicAndInitialisesLikeTransformers() {
        try (LlamaModel a = LlamaModel.create(TINY, Device.cpu(), 42);
                LlamaModel b = LlamaModel.create(TINY, Device.cpu(), 42)) {
            List<String> names = new ArrayList<>(a.parameters().keySet());
            for (String n : names) {
                assertThat(TestData.maxAbsDiff(a.parameters().get(n), b.parameters().get(n))).as(n).isZero();
            }
            assertThat(a.parameters().get("model.norm.weight").toFloatArray()).containsOnly(1f);
            NDArray embed = a.parameters().get("model.embed_tokens.weight");
            float std = (float) Math.sqrt(embed.square().mean().getFloat());
            assertThat(std).isBetween(0.018f, 0.022f);
            assertThat(a.parameterCount()).isEqualTo(LlamaWeights.count(TINY));
        }
    }

    /** Loaded parameters own their memory: in-place updates work and never touch the mapped file. */
    @Test
    void loadedParametersAreWritableCopies() throws IOException {
        for (String name : java.util.List.of("llama", "llama-bf16-sharded", "qwen2-f16")) {
            Path dir = TestData.golden(name);
            try (LlamaModel model = LlamaModel.load(dir, Device.cpu())) {
                System.gc();
                NDArray norm = model.parameters().get("model.norm.weight");
                float[] before = norm.toFloatArray();
                norm.addi(1f);
                assertThat(norm.toFloatArray()[0]).isEqualTo(before[0] + 1f);
            }
            try (LlamaModel again = LlamaModel.load(dir, Device.cpu())) {
                NDArray norm = again.parameters().get("model.norm.weight");
                float[] fresh = norm.toFloatArray();
                assertThat(fresh[0]).isLessThan(2f); // the file was not modified
            }
        }
    }
}
