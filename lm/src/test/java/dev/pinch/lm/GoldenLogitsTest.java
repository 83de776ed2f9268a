package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DJL forward against logits and gradients computed by plain PyTorch: make_golden.py (Llama, Qwen2, stored
 * dtypes) and make_golden_families.py (every family's features: scaled RoPE past the original context, q/k norm,
 * Gemma's norms, soft-caps and sliding windows shorter than the sequence). The PyTorch reference itself matches
 * transformers 5.18 (crosscheck_transformers.py).
 */
class GoldenLogitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"llama", "qwen2", "llama-bf16-sharded", "qwen2-f16", "llama3-rope", "llama-linear-rope",
        "llama-dynamic-rope", "qwen2-yarn-rope", "qwen3", "mistral-sliding", "gemma2", "gemma3"})
    void logitsMatchPytorch(String name) throws IOException {
        Path dir = TestData.golden(name);
        Map<String, Safetensors.Tensor> golden = Safetensors.read(dir.resolve("golden.safetensors"));
        try (LlamaModel model = LlamaModel.load(dir, Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            NDArray ids = golden.get("input_ids").toNDArray(m, DataType.INT64);
            NDArray expected = golden.get("logits").toNDArray(m, DataType.FLOAT32);
            NDArray logits = model.forward(ids);
            assertThat(logits.getShape()).isEqualTo(expected.getShape());
            assertThat(logits.getDataType()).isEqualTo(DataType.FLOAT32);
            float scale = expected.abs().max().getFloat();
            assertThat(scale).as("golden logits are not trivially small").isGreaterThan(1f);
            assertThat(TestData.maxAbsDiff(logits, expected)).isLessThan(1e-4f);
        }
    }

    /** Dynamic RoPE is left out: its base follows the sequence length, so cached keys differ (as in transformers). */
    @ParameterizedTest
    @ValueSource(strings = {"llama", "qwen2", "llama3-rope", "llama-linear-rope", "qwen2-yarn-rope", "qwen3",
        "mistral-sliding", "gemma2", "gemma3"})
    void greedyDecodingMatchesPytorch(String name) throws IOException {
        Path dir = TestData.golden(name);
        Map<String, Safetensors.Tensor> golden = Safetensors.read(dir.resolve("golden.safetensors"));
        try (LlamaModel model = LlamaModel.load(dir, Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            long[] seq = golden.get("greedy").toNDArray(m, DataType.INT64).toLongArray();
            assertThat(java.util.Arrays.stream(seq).skip(5).distinct().count()).as("the continuation varies")
                    .isGreaterThan(1);
            int prompt = 5;
            int[] promptIds = new int[prompt];
            for (int i = 0; i < prompt; i++) {
                promptIds[i] = (int) seq[i];
            }
            GenerationOptions options = GenerationOptions.greedy(seq.length - prompt).withStopOnEos(false);
            int[] out = new Generator(model).generate(java.util.List.of(promptIds), options).get(0);
            long[] got = new long[prompt + out.length];
            for (int i = 0; i < got.length; i++) {
                got[i] = i < prompt ? promptIds[i] : out[i - prompt];
            }
            assertThat(got).containsExactly(seq);
        }
    }

    /** Backward through the same forward gives PyTorch's gradients (also through tied embeddings). */
    @ParameterizedTest
    @ValueSource(strings = {"llama", "qwen2", "llama3-rope", "llama-linear-rope", "llama-dynamic-rope",
        "qwen2-yarn-rope", "qwen3", "mistral-sliding", "gemma2", "gemma3"})
    void gradientsMatchPytorch(String name) throws IOException {
        Path dir = TestData.golden(name);
        Map<String, Safetensors.Tensor> golden = Safetensors.read(dir.resolve("golden.safetensors"));
        try (LlamaModel model = LlamaModel.load(dir, Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            model.parameters().values().forEach(p -> p.setRequiresGradient(true));
            NDArray ids = golden.get("input_ids").toNDArray(m, DataType.INT64);
            NDArray weights = golden.get("loss_weights").toNDArray(m, DataType.FLOAT32);
            try (GradientCollector collector = Engines.engine().newGradientCollector()) {
                NDArray loss = model.forward(ids).mul(weights).sum();
                collector.backward(loss);
            }
            for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                NDArray expected = golden.get("grad." + e.getKey()).toNDArray(m, DataType.FLOAT32);
                try (NDArray grad = e.getValue().getGradient()) {
                    float scale = Math.max(1f, expected.abs().max().getFloat());
                    assertThat(TestData.maxAbsDiff(grad, expected) / scale).as(e.getKey()).isLessThan(1e-5f);
                }
            }
        }
    }
}
