package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The training backward (plain or with activation checkpointing, the loss in one run of positions or in runs of
 * two) gives the gradients of a plain autograd backward, to 1e-5, for full tuning and LoRA.
 */
class TrainingBackwardTest {

    @ParameterizedTest
    @ValueSource(strings = {"llama", "qwen2", "gemma2"})
    void fullGradientsEqualPlainBackward(String name) throws IOException {
        try (LlamaModel model = LlamaModel.load(TestData.golden(name), Device.cpu())) {
            compare(model, model.parameters(), name);
        }
    }

    /**
     * A loss at listed positions, whose head runs on the gathered hidden states of those positions only, gives the
     * value and gradients of the dense masked loss over every position, plain or checkpointed, in one run or in runs
     * of two targets; with no target at all, every gradient is zero.
     */
    @ParameterizedTest
    @ValueSource(strings = {"llama", "qwen2", "gemma2"})
    void aLossAtListedPositionsEqualsTheDenseMaskedLoss(String name) throws IOException {
        try (LlamaModel model = LlamaModel.load(TestData.golden(name), Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            model.parameters().values().forEach(p -> p.setRequiresGradient(true));
            NDArray ids = Safetensors.read(TestData.golden(name).resolve("golden.safetensors")).get("input_ids")
                    .toNDArray(m, DataType.INT64);
            int rows = (int) ids.getShape().get(0);
            int cols = (int) ids.getShape().get(1);
            float[] weights = new float[rows * cols];
            java.util.Random r = new java.util.Random(9);
            for (int i = 0; i < weights.length; i++) {
                weights[i] = r.nextInt(3) == 0 ? 0.5f + r.nextFloat() : 0f;
            }
            TargetLoss targets = TargetLoss.of(ids.toLongArray(), weights, rows, cols);
            assertThat(targets.size()).isGreaterThan(1).isLessThan(rows * (cols - 1));
            assertThat(targets.denseWeights(rows, cols)).as("position 0 predicts nothing")
                    .isEqualTo(denseBeyondFirst(weights, cols));
            NDArray dense = m.create(targets.denseWeights(rows, cols), new Shape(rows, cols));
            for (boolean checkpointing : new boolean[] {false, true}) {
                double want = model.backward(ids, (logits, from) -> MaskedLmLoss.nllSum(logits, ids, dense, from),
                        0.5f, checkpointing);
                Map<String, NDArray> wantGrads = takeGradients(model, m);
                for (long maxLogits : new long[] {TrainingBackward.MAX_LOGITS, 2 * model.config().vocabSize()}) {
                    String variant = name + (checkpointing ? " checkpointed" : " plain") + ", " + maxLogits;
                    double got = model.backward(ids, targets, 0.5f, checkpointing, maxLogits);
                    assertThat(got).as(variant).isCloseTo(want, org.assertj.core.data.Percentage.withPercentage(1e-4));
                    takeGradients(model, m).forEach((k, g) -> {
                        NDArray w = wantGrads.get(k);
                        float scale = Math.max(1f, w.abs().max().getFloat());
                        assertThat(TestData.maxAbsDiff(g, w) / scale).as(variant + ": " + k).isLessThan(1e-5f);
                    });
                }
            }
            assertThat(model.backward(ids, TargetLoss.of(ids.toLongArray(), new float[rows * cols], rows, cols),
                    1f, false)).isZero();
            takeGradients(model, m).forEach((k, g) -> assertThat(g.abs().max().getFloat()).as(k).isZero());
        }
    }

    private static float[] denseBeyondFirst(float[] weights, int cols) {
        float[] out = weights.clone();
        for (int i = 0; i < out.length; i += cols) {
            out[i] = 0;
        }
        return out;
    }

    private static Map<String, NDArray> takeGradients(LlamaModel model, NDManager into) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (var e : model.parameters().entrySet()) {
            NDArray g = e.getValue().getGradient().duplicate();
            g.attach(into);
            out.put(e.getKey(), g);
            JniUtils.zeroGrad((PtNDArray) e.getValue());
        }
        return out;
    }

    /** With dropout, the recomputed layers must draw the first pass's masks, or the gradients are wrong. */
    @ParameterizedTest
    @CsvSource({"llama, 0", "qwen2, 0", "llama, 0.3", "qwen2, 0.5"})
    void loraGradientsEqualPlainBackward(String name, double dropout) throws IOException {
        try (LlamaModel model = LlamaModel.load(TestData.golden(name), Device.cpu());
                LoraAdapter adapter = LoraAdapter.create(model,
                        new LoraSpec(4, 8, dropout, LoraSpec.ALL_PROJECTIONS), 3)) {
            for (NDArray b : adapter.parameters().values()) {
                b.addi(b.onesLike().mul(0.1f));
            }
            adapter.dropoutSeed(42);
            model.useAdapter(adapter);
            compare(model, adapter.parameters(), name);
            model.parameters().values().forEach(p -> assertThat(p.hasGradient()).isFalse());
        }
    }

    /**
     * Dropout applies only in training forwards, and its masks are a function of the adapter's dropout seed: the
     * same seed gives the same logits, another seed other logits, and a forward outside training none at all.
     */
    @org.junit.jupiter.api.Test
    void loraDropoutMasksFollowTheSeedAndOnlyInTraining() throws IOException {
        try (LlamaModel model = LlamaModel.load(TestData.golden("llama"), Device.cpu());
                LoraAdapter adapter = LoraAdapter.create(model, new LoraSpec(4, 8, 0.5, LoraSpec.ALL_PROJECTIONS), 3);
                NDManager m = model.manager().newSubManager()) {
            for (NDArray b : adapter.parameters().values()) {
                b.addi(b.onesLike().mul(0.1f));
            }
            NDArray ids = Safetensors.read(TestData.golden("llama").resolve("golden.safetensors")).get("input_ids")
                    .toNDArray(m, DataType.INT64);
            NDArray plain = model.forward(ids);
            model.useAdapter(adapter);
            NDArray eval = model.forward(ids);
            boolean previous = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
            try {
                adapter.dropoutSeed(7);
                NDArray first = model.forward(ids).stopGradient();
                NDArray again = model.forward(ids).stopGradient();
                adapter.dropoutSeed(8);
                NDArray other = model.forward(ids).stopGradient();
                assertThat(TestData.maxAbsDiff(first, again)).isEqualTo(0f);
                assertThat(TestData.maxAbsDiff(first, other)).isGreaterThan(1e-4f);
                assertThat(TestData.maxAbsDiff(first, eval)).isGreaterThan(1e-4f);
            } finally {
                JniUtils.setGradMode(previous);
                model.useAdapter(null);
            }
            assertThat(TestData.maxAbsDiff(eval, plain)).as("B is non-zero, so the adapter changes the logits")
                    .isGreaterThan(1e-4f);
            model.useAdapter(adapter);
            assertThat(TestData.maxAbsDiff(model.forward(ids), eval)).as("no dropout outside training").isEqualTo(0f);
            model.useAdapter(null);
        }
    }

    private static void compare(LlamaModel model, LinkedHashMap<String, NDArray> trained, String name)
            throws IOException {
        Map<String, Safetensors.Tensor> golden = Safetensors.read(TestData.golden(name).resolve("golden.safetensors"));
        trained.values().forEach(p -> p.setRequiresGradient(true));
        try (NDManager m = model.manager().newSubManager()) {
            NDArray ids = golden.get("input_ids").toNDArray(m, DataType.INT64);
            NDArray weights = golden.get("loss_weights").toNDArray(m, DataType.FLOAT32);
            boolean previous = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
            NDArray loss = model.forward(ids).mul(weights).sum();
            JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
            JniUtils.setGradMode(previous);
            Map<String, NDArray> plain = new LinkedHashMap<>();
            for (var e : trained.entrySet()) {
                NDArray g = e.getValue().getGradient().duplicate();
                g.attach(m);
                plain.put(e.getKey(), g);
                JniUtils.zeroGrad((PtNDArray) e.getValue());
            }
            long b = ids.getShape().get(0);
            long vocab = model.config().vocabSize();
            ChunkLoss chunkLoss = (logits, from) -> logits.mul(
                    weights.get(":, " + from + ":" + (from + logits.getShape().get(1)) + ", :")).sum();
            for (boolean checkpointing : new boolean[] {true, false}) {
                for (long maxLogits : new long[] {TrainingBackward.MAX_LOGITS, 2 * b * vocab}) {
                    String variant = name + (checkpointing ? " checkpointed" : " plain") + ", "
                            + (maxLogits == TrainingBackward.MAX_LOGITS ? "one run" : "runs of 2 positions");
                    double value = model.backward(ids, chunkLoss, 0.25f, checkpointing, maxLogits);
                    assertThat(value).as(variant).isCloseTo(loss.getFloat(),
                            org.assertj.core.data.Percentage.withPercentage(1e-3));
                    assertThat(JniUtils.isGradMode()).isEqualTo(previous);
                    for (var e : trained.entrySet()) {
                        try (NDArray g = e.getValue().getGradient()) {
                            NDArray want = plain.get(e.getKey());
                            float scale = Math.max(1f, want.abs().max().getFloat());
                            assertThat(want.abs().max().getFloat()).as(e.getKey() + " has a gradient").isGreaterThan(0f);
                            assertThat(TestData.maxAbsDiff(g.mul(4), want) / scale).as(variant + ": " + e.getKey())
                                    .isLessThan(1e-5f);
                        }
                        JniUtils.zeroGrad((PtNDArray) e.getValue());
                    }
                }
            }
        }
    }
}
