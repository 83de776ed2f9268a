package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pinch.events.settings.LossAverage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code training.lossAverage}: the weights MicroBatch gives targets, and the loss a step computes with them. */
class LossAverageTest {

    /** Three examples whose responses are 1, 4 and 2 tokens long (the target flags), and one with no target. */
    private static final List<TokenSequence> DATA = List.of(
            new TokenSequence(new int[] {1, 2, 3, 4}, new byte[] {0, 0, 0, 1}),
            new TokenSequence(new int[] {5, 6, 7, 8, 9, 10}, new byte[] {0, 0, 1, 1, 1, 1}),
            new TokenSequence(new int[] {2, 4, 6}, new byte[] {0, 1, 1}),
            new TokenSequence(new int[] {3, 5}, new byte[] {0, 0}));

    @Test
    void exampleWeightsMakeTheTokenMeanTheMeanOfEachExamplesMean() {
        MicroBatch token = MicroBatch.of(DATA, new int[] {0, 1, 2, 3}, 0, LossAverage.TOKEN);
        MicroBatch example = MicroBatch.of(DATA, new int[] {0, 1, 2, 3}, 0, LossAverage.EXAMPLE);
        assertThat(example.targetTokens()).isEqualTo(token.targetTokens()).isEqualTo(7);
        Random r = new Random(3);
        double[] nll = new double[token.positions()];
        for (int i = 0; i < nll.length; i++) {
            nll[i] = r.nextDouble() * 5;
        }
        double weighted = 0;
        double[] rowSum = new double[4];
        int[] rowCount = new int[4];
        for (int i = 0; i < nll.length; i++) {
            weighted += example.targets()[i] * nll[i];
            rowSum[i / token.cols()] += token.targets()[i] * nll[i];
            rowCount[i / token.cols()] += (int) token.targets()[i];
        }
        double meanOfMeans = (rowSum[0] / rowCount[0] + rowSum[1] / rowCount[1] + rowSum[2] / rowCount[2]) / 3;
        assertThat(weighted / example.targetTokens()).as("the row without targets does not count")
                .isCloseTo(meanOfMeans, within(1e-5));
        assertThat(example.targets()[3]).as("a 1-token answer weighs as much as a 4-token one")
                .isCloseTo(4 * example.targets()[token.cols() + 2], within(1e-5f));
    }

    /**
     * A step's loss, by the bigram stand-in (the dense loss over every position) and by a Llama model (the head at
     * the targets' positions only), against each example's NLL computed by hand from its own forward.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bigram", "llama"})
    void aStepsLossIsEachExamplesOwnMeanAveragedOrTheTokenMean(String kind) throws Exception {
        double[] perExample = new double[3];
        double tokenSum = 0;
        try (CausalLm m = kind.equals("llama") ? LlamaLm.create(DjlTrainingEngineTest.TINY, Device.cpu(), 3)
                : TinyLm.create(11, 6, 5)) {
            for (int i = 0; i < 3; i++) {
                double[] own = ownNll(m, DATA.get(i));
                for (double v : own) {
                    perExample[i] += v / own.length;
                    tokenSum += v;
                }
            }
            double exampleLoss = stepLoss(m, LossAverage.EXAMPLE, 3, 1);
            double tokenLoss = stepLoss(m, LossAverage.TOKEN, 3, 1);
            assertThat(exampleLoss).isCloseTo((perExample[0] + perExample[1] + perExample[2]) / 3, within(1e-5));
            assertThat(tokenLoss).isCloseTo(tokenSum / 7, within(1e-5));
            assertThat(stepLoss(m, LossAverage.EXAMPLE, 2, 2)).as("two micro-batches of 2 and 1 examples")
                    .isCloseTo(exampleLoss, within(1e-5));
            assertThat(stepLoss(m, LossAverage.TOKEN, 2, 2)).isCloseTo(tokenLoss, within(1e-5));
            assertThat(Math.abs(exampleLoss - tokenLoss)).as("the data make the two differ, beyond the tolerance").isGreaterThan(1e-4);
        }
    }

    /**
     * The logged loss of one step over the first three examples, in {@code micro} micro-batches of at most
     * {@code batch}, before its update (learning rate 0).
     */
    private static double stepLoss(CausalLm m, LossAverage average, int batch, int micro) {
        Gradients.requireGradients(m.parameters());
        BatchPlan plan = new BatchPlan(DATA.subList(0, 3), batch, 1);
        try (AdamW opt = new AdamW(m.manager(), m.parameters(), 0)) {
            return new StepRunner(m, opt, plan, 0, 0, false, 1, average).run(DataCursor.START, micro, 0).loss();
        }
    }

    /** Each target token's NLL from the model's logits for the sequence alone, by hand in double precision. */
    private static double[] ownNll(CausalLm m, TokenSequence s) {
        try (NDManager tmp = m.manager().newSubManager()) {
            long[] ids = new long[s.length()];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = s.ids()[t];
            }
            NDArray logits = m.forward(tmp.create(ids, new Shape(1, ids.length)));
            float[] f = logits.toFloatArray();
            int vocab = (int) logits.getShape().get(2);
            double[] out = new double[(int) java.util.stream.IntStream.range(1, ids.length)
                    .filter(t -> s.targets()[t] != 0).count()];
            int k = 0;
            for (int t = 1; t < ids.length; t++) {
                if (s.targets()[t] == 0) {
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < vocab; v++) {
                    max = Math.max(max, f[(t - 1) * vocab + v]);
                }
                double z = 0;
                for (int v = 0; v < vocab; v++) {
                    z += Math.exp(f[(t - 1) * vocab + v] - max);
                }
                out[k++] = max + Math.log(z) - f[(t - 1) * vocab + s.ids()[t]];
            }
            return out;
        }
    }
}
