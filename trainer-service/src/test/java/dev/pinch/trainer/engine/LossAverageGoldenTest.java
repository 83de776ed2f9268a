package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.events.EventCodec;
import dev.pinch.events.settings.LossAverage;
import dev.pinch.lm.Safetensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code training.lossAverage} against transformers' own Llama and PyTorch autograd
 * ({@code src/test/python/make_loss_average_golden.py}): a micro-batch's loss and the gradient of every parameter,
 * through the trainer's own micro-batch weights and backward, for both averages, with the head at the targets only
 * ({@code sft}: a quarter of the positions are targets) and over every position ({@code dense}), plain and with
 * activation checkpointing.
 */
class LossAverageGoldenTest {

    /** Per element: what float rounding in another order of summation can move, far below the averages' gap. */
    private static final double ABSOLUTE = 1e-5;
    private static final double RELATIVE = 1e-4;

    @ParameterizedTest
    @CsvSource({"sft, TOKEN", "sft, EXAMPLE", "dense, TOKEN", "dense, EXAMPLE"})
    void theLossAndEveryGradientMatchTransformers(String name, LossAverage average) throws Exception {
        Path dir = Path.of(LossAverageGoldenTest.class.getResource("/loss-average/cases.json").toURI()).getParent();
        JsonNode c = EventCodec.mapper().readTree(Files.readString(dir.resolve("cases.json"))).path("cases").path(name);
        String key = average.name().toLowerCase(Locale.ROOT);
        Map<String, Safetensors.Tensor> golden = Safetensors.read(dir.resolve("grads.safetensors"));
        List<TokenSequence> rows = new ArrayList<>();
        for (JsonNode r : c.path("rows")) {
            int[] ids = new int[r.path("ids").size()];
            byte[] flags = new byte[ids.length];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = r.path("ids").get(t).asInt();
                flags[t] = (byte) r.path("targets").get(t).asInt();
            }
            rows.add(new TokenSequence(ids, flags));
        }
        MicroBatch mb = MicroBatch.of(rows, java.util.stream.IntStream.range(0, rows.size()).toArray(),
                c.path("pad").asInt(), average);
        assertThat(mb.targetTokens() * 10L < mb.positions() * 9L).as("the head runs at the targets only")
                .isEqualTo(name.equals("sft"));
        try (LlamaLm lm = LlamaLm.load(dir, Device.cpu()); NDManager m = lm.manager().newSubManager()) {
            Map<String, NDArray> params = lm.parameters();
            Gradients.requireGradients(params);
            String prefix = name + "." + key + ".";
            assertThat(params.keySet()).as("the same parameters as transformers'").containsExactlyInAnyOrderElementsOf(
                    golden.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                            .toList());
            for (boolean checkpointing : new boolean[] {false, true}) {
                double sum = StepRunner.backward(lm, mb, m, checkpointing);
                assertThat(sum / mb.targetTokens()).as("loss, checkpointing %s", checkpointing)
                        .isCloseTo(c.path(key).asDouble(), within(1e-5));
                for (var p : params.entrySet()) {
                    float[] want = golden.get(name + "." + key + "." + p.getKey()).toNDArray(m, DataType.FLOAT32)
                            .toFloatArray();
                    float[] got = p.getValue().getGradient().toFloatArray();
                    assertThat(worstExcess(got, want)).as("%s, checkpointing %s: |got - want| beyond %s + %s |want|",
                            p.getKey(), checkpointing, ABSOLUTE, RELATIVE).isLessThanOrEqualTo(0);
                }
                Gradients.zero(params);
            }
            String other = key.equals("token") ? "example" : "token";
            float[] a = golden.get(name + "." + key + ".model.embed_tokens.weight").toNDArray(m, DataType.FLOAT32)
                    .toFloatArray();
            float[] b = golden.get(name + "." + other + ".model.embed_tokens.weight").toNDArray(m, DataType.FLOAT32)
                    .toFloatArray();
            assertThat(worstExcess(a, b)).as("the two averages' gradients differ beyond the tolerance").isPositive();
        }
    }

    /** The largest amount by which an element's error exceeds its tolerance; at most 0 when every one is within. */
    private static double worstExcess(float[] got, float[] want) {
        assertThat(got).hasSameSizeAs(want);
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < got.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - want[i]) - (ABSOLUTE + RELATIVE * Math.abs(want[i])));
        }
        return worst;
    }
}
