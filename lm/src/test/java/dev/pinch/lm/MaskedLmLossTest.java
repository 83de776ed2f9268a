package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class MaskedLmLossTest {

    @Test
    void equalsAHandComputedSumOverNextTokenTargets() {
        // B = 2, T = 3, V = 4. Row 0 targets positions 1 and 2; row 1 only position 2; position 0 never counts.
        float[][][] logits = {
            {{0.1f, 0.2f, -0.3f, 1.0f}, {2.0f, -1.0f, 0.5f, 0.0f}, {9f, 9f, 9f, 9f}},
            {{-0.5f, 0.5f, 1.5f, 0.0f}, {0.3f, 0.3f, -2.0f, 1.2f}, {1f, 2f, 3f, 4f}}};
        long[] ids = {7, 3, 0, 1, 2, 3};
        float[] targets = {1, 1, 1, 0, 0, 1};
        double expected = nll(logits[0][0], 3) + nll(logits[0][1], 0) + nll(logits[1][1], 3);
        try (NDManager m = Engines.newManager(Device.cpu())) {
            float[] flat = new float[24];
            int k = 0;
            for (float[][] row : logits) {
                for (float[] pos : row) {
                    for (float v : pos) {
                        flat[k++] = v;
                    }
                }
            }
            NDArray l = m.create(flat, new Shape(2, 3, 4));
            NDArray loss = MaskedLmLoss.nllSum(l, m.create(ids, new Shape(2, 3)), m.create(targets, new Shape(2, 3)));
            assertThat((double) loss.getFloat()).isCloseTo(expected, within(1e-6));
            NDArray idArray = m.create(ids, new Shape(2, 3));
            NDArray targetArray = m.create(targets, new Shape(2, 3));
            double byRuns = 0;
            for (int from = 0; from < 3; from++) {
                byRuns += MaskedLmLoss.nllSum(l.get(":, " + from + ":" + (from + 1) + ", :"), idArray, targetArray,
                        from).getFloat();
            }
            assertThat(byRuns).as("runs of one position, the last predicting nothing").isCloseTo(expected,
                    within(1e-6));
            assertThat((double) MaskedLmLoss.nllSum(l.get(":, 1:3, :"), idArray, targetArray, 1).getFloat())
                    .isCloseTo(nll(logits[0][1], 0) + nll(logits[1][1], 3), within(1e-6));
        }
    }

    private static double nll(float[] logits, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        return -(logits[target] - max - Math.log(sum));
    }
}
