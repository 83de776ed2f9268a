package dev.pinch.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pinch.lm.MaskedLmLoss;
import dev.pinch.lm.TargetLoss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The time of an SFT micro-batch's forward and backward with the LM head over every position (the dense masked loss)
 * against the head at the targets' positions only ({@link TargetLoss}), for {@code bin/bench-sft-head}. The model is
 * the built-in one's architecture (6.2M parameters, 8,192-token vocabulary); the examples have the prompt and
 * response lengths of the built-in corpus's five tasks under its tokenizer (measured on the demo's mono-es mix:
 * prompt / response tokens 88/50 copy, 93/49 translation, 98/53 continuation, 140/4 topic, 124/3 language id, in
 * the mix's proportions), each length varied by ±30%, batched as the trainer batches them ({@link BatchPlan}).
 * The two paths alternate batch by batch; prints the median ms of each and their ratio, as one JSON line.
 *
 * <p>Usage: {@code SftHeadBench BATCH WARMUP BATCHES}.
 */
public final class SftHeadBench {

    /** prompt tokens, response tokens, examples per 100: the five tasks of the demo's mono-es mix. */
    private static final int[][] TASKS = {{88, 50, 18}, {93, 49, 17}, {98, 53, 16}, {140, 4, 30}, {124, 3, 19}};

    private SftHeadBench() {
    }

    public static void main(String[] args) {
        int batch = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int batches = Integer.parseInt(args[2]);
        var config = BuiltinModel.config();
        List<TokenSequence> data = examples(batch * (warmup + batches), config.vocabSize() - 2);
        BatchPlan plan = new BatchPlan(data, batch, 1);
        double[][] ms = new double[2][batches];
        long targets = 0;
        long positions = 0;
        try (LlamaLm lm = LlamaLm.create(config, Device.cpu(), 1)) {
            Gradients.requireGradients(lm.parameters());
            DataCursor cursor = DataCursor.START;
            for (int b = -warmup; b < batches; b++) {
                MicroBatch mb = MicroBatch.of(data, plan.at(cursor), config.vocabSize() - 1);
                cursor = plan.next(cursor);
                for (int path = 0; path < 2; path++) {
                    int which = (b & 1) == 0 ? path : 1 - path;
                    double t = time(lm, mb, which == 1);
                    if (b >= 0) {
                        ms[which][b] = t;
                    }
                }
                if (b >= 0) {
                    targets += mb.targetTokens();
                    positions += mb.positions();
                }
            }
        }
        double dense = TrainProfile.median(ms[0]);
        double picked = TrainProfile.median(ms[1]);
        System.out.printf("{\"batch\": %d, \"batches\": %d, \"target_share\": %.3f, \"dense_ms\": %.1f,"
                + " \"targets_only_ms\": %.1f, \"ratio\": %.3f}%n", batch, batches, targets / (double) positions,
                dense, picked, picked / dense);
    }

    private static double time(LlamaLm lm, MicroBatch mb, boolean targetsOnly) {
        try (NDManager own = lm.manager().newSubManager()) {
            NDArray ids = mb.idsArray(own);
            float scale = 1f / mb.targetTokens();
            long t0 = System.nanoTime();
            if (targetsOnly) {
                lm.backward(ids, TargetLoss.of(mb.ids(), mb.targets(), mb.rows(), mb.cols()), scale, false);
            } else {
                NDArray targets = mb.targetsArray(own);
                lm.backward(ids, (logits, from) -> MaskedLmLoss.nllSum(logits, ids, targets, from), scale, false);
            }
            double t = (System.nanoTime() - t0) / 1e6;
            Gradients.zero(lm.parameters());
            return t;
        }
    }

    private static List<TokenSequence> examples(int n, int vocab) {
        SplittableRandom rnd = new SplittableRandom(7);
        List<TokenSequence> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] task = TASKS[pick(rnd.nextInt(100))];
            int prompt = vary(task[0], rnd);
            int response = vary(task[1], rnd);
            byte[] flags = new byte[prompt + response];
            Arrays.fill(flags, prompt, flags.length, (byte) 1);
            out.add(new TokenSequence(rnd.ints(flags.length, 0, vocab).toArray(), flags));
        }
        return out;
    }

    private static int pick(int percent) {
        int acc = 0;
        for (int t = 0; t < TASKS.length; t++) {
            acc += TASKS[t][2];
            if (percent < acc) {
                return t;
            }
        }
        return TASKS.length - 1;
    }

    private static int vary(int mean, SplittableRandom rnd) {
        return Math.max(1, (int) Math.round(mean * (0.7 + 0.6 * rnd.nextDouble())));
    }
}
