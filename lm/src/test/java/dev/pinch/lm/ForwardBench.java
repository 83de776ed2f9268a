package dev.pinch.lm;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;

/**
 * Times the forward (and forward+backward) of a ~1M and a ~10M parameter Llama at batch 16 x 128 tokens.
 * Not a test: run with {@code java -cp <test classpath> dev.pinch.lm.ForwardBench [runs]}.
 */
public final class ForwardBench {

    private ForwardBench() {}

    /** The benchmark configs: ~1M and ~10M parameters with the byte-level vocabulary. */
    static final LlamaConfig[] CONFIGS = {
        LlamaConfig.llama(128, 352, 4, 4, 2, 512, 256, null, 256, 257),
        LlamaConfig.llama(320, 864, 8, 5, 5, 512, 256, null, 256, 257),
    };

    /**
     * @param args optional number of timed runs (default 7)
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        System.out.println(Engines.describe() + ", intra-op threads " + Runtime.getRuntime().availableProcessors());
        for (LlamaConfig c : CONFIGS) {
            try (LlamaModel model = LlamaModel.create(c, Device.cpu(), 1);
                    NDManager m = model.manager().newSubManager()) {
                NDArray ids = m.randomInteger(0, c.vocabSize(), new Shape(16, 128), DataType.INT64);
                double fwd = median(runs, () -> model.forward(ids).close());
                model.parameters().values().forEach(p -> p.setRequiresGradient(true));
                double step = median(runs, () -> {
                    try (GradientCollector gc = Engine.getEngine(Engines.ENGINE_NAME).newGradientCollector();
                            NDManager s = m.newSubManager()) {
                        NDArray loss = model.forward(ids).mean();
                        loss.attach(s);
                        gc.backward(loss);
                    }
                    model.parameters().values().forEach(p -> ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) p));
                });
                System.out.printf("params %,d: forward %.1f ms (%.0f tok/s), forward+backward %.1f ms (%.0f tok/s)%n",
                        model.parameterCount(), fwd, 16 * 128 / fwd * 1000, step, 16 * 128 / step * 1000);
            }
        }
    }

    private static double median(int runs, Runnable r) {
        r.run();
        r.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }
}
