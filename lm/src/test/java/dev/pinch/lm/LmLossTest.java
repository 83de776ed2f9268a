package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class LmLossTest {

    @Test
    void maskedNextTokenLossMatchesAHandComputation() {
        try (NDManager m = Engines.newManager(Device.cpu())) {
            float[] l = {0, 1, 2, /* t0 */ 3, 1, 0, /* t1 */ 0.5f, 0.5f, 4, /* t2 */ 9, 9, 9};
            NDArray logits = m.create(l, new Shape(1, 4, 3));
            NDArray ids = m.create(new long[] {0, 2, 0, 1}, new Shape(1, 4));
            NDArray mask = m.create(new long[] {0, 1, 0, 1}, new Shape(1, 4));
            // targets: position 0 predicts ids[1]=2 (mask 1), position 2 predicts ids[3]=1 (mask 1)
            double a = -(2 - Math.log(Math.exp(0) + Math.exp(1) + Math.exp(2)));
            double b = -(0.5 - Math.log(2 * Math.exp(0.5) + Math.exp(4)));
            assertThat(LmLoss.nextTokenLoss(logits, ids, mask).getFloat()).isCloseTo((float) ((a + b) / 2),
                    org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(LmLoss.nextTokenLoss(logits, ids, m.zeros(new Shape(1, 4))).getFloat()).isZero();
        }
    }

    @Test
    void gradientsAccumulateUntilZeroed() {
        LlamaConfig c = LlamaConfig.llama(32, 64, 1, 4, 2, 40, 16, null, 1, 0);
        try (LlamaModel model = LlamaModel.create(c, Device.cpu(), 3); NDManager m = model.manager().newSubManager()) {
            LmLoss.requireGradients(model);
            NDArray ids = m.randomInteger(0, 40, new Shape(2, 8), ai.djl.ndarray.types.DataType.INT64);
            NDArray mask = m.ones(new Shape(2, 8));
            NDArray embed = model.parameters().get(LlamaWeights.EMBED);
            float[] once = null;
            for (int i = 0; i < 2; i++) {
                try (GradientCollector gc = Engines.engine().newGradientCollector(); NDManager step = m.newSubManager()) {
                    NDArray loss = LmLoss.nextTokenLoss(model.forward(ids), ids, mask);
                    loss.attach(step);
                    gc.backward(loss);
                }
                try (NDArray g = embed.getGradient()) {
                    if (once == null) {
                        once = g.toFloatArray();
                    } else {
                        float[] twice = g.toFloatArray();
                        for (int j = 0; j < twice.length; j++) {
                            assertThat(twice[j]).isCloseTo(2 * once[j], org.assertj.core.data.Offset.offset(1e-6f));
                        }
                    }
                }
            }
            LmLoss.zeroGradients(model.parameters().values());
            try (NDArray g = embed.getGradient()) {
                assertThat(g.abs().max().getFloat()).isZero();
            }
        }
    }
}
