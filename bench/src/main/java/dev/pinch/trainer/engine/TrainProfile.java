package dev.pinch.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pinch.bench.TrainBench;
import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.MaskedLmLoss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a training step's time goes, for {@code bin/bench-profile}: the trainer's own parts (packed micro-batch,
 * {@link CausalLm#backward}, {@link Gradients#globalNorm}, {@link AdamW}) on {@link TrainBench}'s models and
 * shapes, timed one phase at a time. It lives in the engine's package (in the bench module) to reach those
 * package-private parts without widening them.
 *
 * <p>Phases per step: <b>data</b> (the micro-batch and its arrays), <b>forward</b> (a forward pass with a graph,
 * and the loss), <b>backward</b> (the step's forward-and-backward, {@link CausalLm#backward}, minus the forward),
 * <b>optimizer</b> (gradient norm, AdamW, zeroing). The forward is timed on its own, outside the step, so the step
 * itself is the trainer's. Prints the median of each phase over the timed steps, in ms, as one JSON line.
 *
 * <p>Usage: {@code TrainProfile SIZE BATCH SEQ WARMUP STEPS}.
 */
public final class TrainProfile {

    private TrainProfile() {
    }

    public static void main(String[] args) {
        String size = args[0];
        int batch = Integer.parseInt(args[1]);
        int seq = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int steps = Integer.parseInt(args[4]);
        LlamaConfig config = TrainBench.config(size);
        SplittableRandom rnd = new SplittableRandom(7);
        List<TokenSequence> rows = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            rows.add(TokenSequence.allTargets(rnd.ints(seq, 0, 256).toArray()));
        }
        int[] all = java.util.stream.IntStream.range(0, batch).toArray();
        double[][] ms = new double[4][steps];
        try (LlamaLm lm = LlamaLm.create(config, Device.cpu(), 1)) {
            var params = lm.parameters();
            Gradients.requireGradients(params);
            try (AdamW opt = new AdamW(lm.manager(), params, 0.01)) {
                for (int s = -warmup; s < steps; s++) {
                    try (NDManager step = lm.manager().newSubManager()) {
                        long t0 = System.nanoTime();
                        MicroBatch mb = MicroBatch.of(rows, all, 0);
                        NDArray ids = mb.idsArray(step);
                        NDArray targets = mb.targetsArray(step);
                        long t1 = System.nanoTime();
                        try (NDManager f = step.newSubManager(); var mode = Gradients.recording(true)) {
                            MaskedLmLoss.nllSum(lm.forward(ids), ids, targets, 0).getFloat();
                        }
                        long t2 = System.nanoTime();
                        lm.backward(ids, (logits, from) -> MaskedLmLoss.nllSum(logits, ids, targets, from),
                                1f / mb.targetTokens(), false);
                        long t3 = System.nanoTime();
                        double norm = Gradients.globalNorm(params, step);
                        opt.update(1e-3, norm > 1 ? 1 / norm : 1);
                        Gradients.zero(params);
                        long t4 = System.nanoTime();
                        if (s >= 0) {
                            ms[0][s] = (t1 - t0) / 1e6;
                            ms[1][s] = (t2 - t1) / 1e6;
                            ms[2][s] = (t3 - t2 - (t2 - t1)) / 1e6;
                            ms[3][s] = (t4 - t3) / 1e6;
                        }
                    }
                }
            }
        }
        System.out.printf("{\"size\": \"%s\", \"data_ms\": %.2f, \"forward_ms\": %.2f, \"backward_ms\": %.2f,"
                + " \"optimizer_ms\": %.2f}%n", size, median(ms[0]), median(ms[1]), median(ms[2]), median(ms[3]));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
