package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AdamWTest {

    @Test
    void twoStepsMatchAHandComputedAdamWWithDecoupledDecayOnMatricesOnly() throws Exception {
        float[] w0 = {0.5f, -1.0f, 2.0f, 0.25f};
        float[] b0 = {0.1f, -0.2f};
        float[][] gw = {{0.3f, -0.1f, 0.05f, 1.0f}, {-0.2f, 0.4f, 0.0f, 0.5f}};
        float[][] gb = {{1.0f, -2.0f}, {0.5f, 0.5f}};
        double lr = 0.01;
        double wd = 0.1;
        double scale = 0.5;
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("w", m.create(w0, new Shape(2, 2)));
            params.put("b", m.create(b0));
            Gradients.requireGradients(params);
            double[] w = toDouble(w0);
            double[] b = toDouble(b0);
            double[][] mw = new double[2][4];
            double[][] mb = new double[2][2];
            try (AdamW opt = new AdamW(m, params, wd)) {
                for (int t = 1; t <= 2; t++) {
                    setGradients(m, params, gw[t - 1], gb[t - 1]);
                    opt.update(lr, scale);
                    Gradients.zero(params);
                    reference(w, gw[t - 1], mw, t, lr, wd, scale);
                    reference(b, gb[t - 1], mb, t, lr, 0, scale);
                }
                assertClose(params.get("w").toFloatArray(), w);
                assertClose(params.get("b").toFloatArray(), b);
                assertThat(opt.step()).isEqualTo(2);
                assertThat(opt.state()).containsOnlyKeys("exp_avg.w", "exp_avg.b", "exp_avg_sq.w", "exp_avg_sq.b");
                assertClose(opt.state().get("exp_avg_sq.b").toFloatArray(), mb[1]);
            }
        }
    }

    /**
     * Groups are an implementation detail: one parameter per group and one group for all give the same weights and
     * the same saved state, the model's own arrays see the update (they are views of the group's master), and a
     * restored optimizer continues exactly.
     */
    @Test
    void groupingDoesNotChangeTheUpdateAndTheStateRoundTrips() throws Exception {
        float[][] gw = {{0.3f, -0.1f, 0.05f, 1.0f}, {-0.2f, 0.4f, 0.0f, 0.5f}, {0.7f, 0.1f, -0.3f, 0.2f}};
        float[][] gb = {{1.0f, -2.0f}, {0.5f, 0.5f}, {-1.0f, 0.25f}};
        float[][] results = new float[3][];
        long[] groupSizes = {AdamW.GROUP_ELEMENTS, 1, AdamW.GROUP_ELEMENTS};
        for (int run = 0; run < 3; run++) {
            try (NDManager m = NDManager.newBaseManager()) {
                Map<String, NDArray> params = new LinkedHashMap<>();
                NDArray w = m.create(new float[] {0.5f, -1.0f, 2.0f, 0.25f}, new Shape(2, 2));
                params.put("w", w);
                params.put("w2", m.create(new float[] {1f, 2f, 3f, 4f}, new Shape(2, 2)));
                params.put("b", m.create(new float[] {0.1f, -0.2f}));
                Gradients.requireGradients(params);
                try (AdamW opt = new AdamW(m, params, 0.1, groupSizes[run])) {
                    for (int t = 0; t < 3; t++) {
                        if (run == 2 && t == 2) { // a fresh optimizer restored from the saved state, then step 3
                            Map<String, NDArray> saved = new LinkedHashMap<>();
                            opt.state().forEach((k, v) -> saved.put(k, v.duplicate()));
                            try (AdamW again = new AdamW(m, params, 0.1)) {
                                again.restore(saved, opt.step());
                                setGradients(m, params, gw[t], gb[t]);
                                again.update(0.01, 1.0);
                            }
                            continue;
                        }
                        setGradients(m, params, gw[t], gb[t]);
                        opt.update(0.01, 1.0);
                        Gradients.zero(params);
                    }
                }
                assertThat(w.toFloatArray()).as("the model's own array was updated").isNotEqualTo(
                        new float[] {0.5f, -1.0f, 2.0f, 0.25f});
                results[run] = concat(params.get("w").toFloatArray(), params.get("w2").toFloatArray(),
                        params.get("b").toFloatArray());
            }
        }
        assertThat(results[1]).as("one parameter per group").containsExactly(results[0]);
        assertThat(results[2]).as("resumed from the saved state").containsExactly(results[0]);
    }

    private static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int i = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    /** Loss = Σ p·g, so ∂loss/∂p = g exactly. */
    private static void setGradients(NDManager m, Map<String, NDArray> params, float[] gw, float[] gb) {
        try (NDManager step = m.newSubManager(); var mode = Gradients.recording(true)) {
            NDArray loss = params.get("w").mul(step.create(gw, new Shape(2, 2))).sum()
                    .add(params.get("b").mul(step.create(gb)).sum());
            if (params.containsKey("w2")) {
                loss = loss.add(params.get("w2").mul(step.create(gw, new Shape(2, 2))).square().sum());
            }
            Gradients.backward(loss);
        }
    }

    /** torch.optim.AdamW, written out: p ← p(1 − lr·wd); m, v; p ← p − lr·m̂/(√v̂ + eps). */
    private static void reference(double[] p, float[] grad, double[][] mv, int t, double lr, double wd, double scale) {
        for (int i = 0; i < p.length; i++) {
            double g = grad[i] * scale;
            p[i] *= 1 - lr * wd;
            mv[0][i] = AdamW.BETA1 * mv[0][i] + (1 - AdamW.BETA1) * g;
            mv[1][i] = AdamW.BETA2 * mv[1][i] + (1 - AdamW.BETA2) * g * g;
            double mHat = mv[0][i] / (1 - Math.pow(AdamW.BETA1, t));
            double vHat = mv[1][i] / (1 - Math.pow(AdamW.BETA2, t));
            p[i] -= lr * mHat / (Math.sqrt(vHat) + AdamW.EPS);
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static void assertClose(float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-6));
        }
    }
}
