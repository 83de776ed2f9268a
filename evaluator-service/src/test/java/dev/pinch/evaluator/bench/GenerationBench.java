package dev.pinch.evaluator.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.pinch.lm.Engines;
import dev.pinch.lm.GenerationOptions;
import dev.pinch.lm.Generator;
import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.LlamaModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Generation throughput with and without the KV cache. Not a test: run it with {@code bin/bench-generate}.
 *
 * <p>For each model size and each number of new tokens, a batch of prompts is decoded greedily (EOS ignored, so every
 * sequence gets exactly that many tokens) by lm's {@link Generator} (prompt once, then one token per step against the
 * cache) and by a loop that re-runs the whole sequence for every new token (no cache). Prints the median new tokens
 * per second over the timed runs, and checks that both produce the same tokens (that first run of each is the
 * warm-up). Timed runs of one case stop early once they took {@value #BUDGET_SECONDS} s (at least one run), since
 * the uncached decoding of 256 tokens by a 10M model takes minutes per run on 2 cores.
 *
 * <p>Arguments: {@code [runs=5] [batch=8] [promptTokens=64] [newTokens=64,256] [sizes=builtin]} (sizes: builtin, 10m).
 * System properties: {@code -Dbench.out=DIR} also writes each model, its prompts and the cached results (with the
 * generated tokens) for the PyTorch baseline ({@link GenerationExport}); {@code -Dbench.uncached=false} skips the
 * uncached decoding (bin/bench-generate measures it in its first repeat only).
 */
public final class GenerationBench {

    static final int BUDGET_SECONDS = 120;

    private GenerationBench() {
    }

    /** The built-in base model's shape (1.7M parameters) and a ~10M one, both with 1024 positions. */
    static LlamaConfig config(String size) {
        return switch (size) {
            case "builtin" -> LlamaConfig.llama(192, 512, 4, 4, 2, 258, 1024, null, 256, 257);
            case "10m" -> LlamaConfig.llama(320, 864, 8, 5, 5, 258, 1024, null, 256, 257);
            default -> throw new IllegalArgumentException("size must be builtin or 10m: " + size);
        };
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int promptLen = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int[] news = Arrays.stream((args.length > 3 ? args[3] : "64,256").split(",")).mapToInt(Integer::parseInt).toArray();
        String[] sizes = (args.length > 4 ? args[4] : "builtin").split(",");
        System.out.printf("%s; batch %d, prompt %d tokens, greedy, up to %d timed runs (median) after a warm-up%n",
                Engines.describe(), batch, promptLen, runs);
        System.out.printf("%-8s %7s %8s %12s %15s %8s %5s%n", "model", "params", "new tok", "cache tok/s",
                "no-cache tok/s", "speedup", "same");
        GenerationExport export = GenerationExport.fromProperty();
        boolean measureUncached = !"false".equals(System.getProperty("bench.uncached"));
        for (String size : sizes) {
            try (LlamaModel model = LlamaModel.create(config(size), Device.cpu(), 7)) {
                List<int[]> prompts = prompts(batch, promptLen, 258 - 2);
                if (export != null) {
                    export.model(size, model, prompts);
                }
                for (int n : news) {
                    GenerationOptions options = GenerationOptions.greedy(n).withStopOnEos(false);
                    Generator generator = new Generator(model);
                    List<int[]> cached = generator.generate(prompts, options);
                    Boolean same = null;
                    if (measureUncached) {
                        List<int[]> uncached = withoutCache(model, prompts, n);
                        same = true;
                        for (int i = 0; i < batch; i++) {
                            same &= Arrays.equals(cached.get(i), uncached.get(i));
                        }
                    }
                    double[] withCache = median(runs, (long) batch * n, () -> generator.generate(prompts, options));
                    double[] without = measureUncached
                            ? median(runs, (long) batch * n, () -> withoutCache(model, prompts, n)) : null;
                    String noCache = without == null ? "%15s".formatted("-")
                            : "%11.1f (%d)".formatted(without[0], (int) without[1]);
                    String speedup = without == null ? "-" : "%.1fx".formatted(withCache[0] / without[0]);
                    System.out.printf("%-8s %6.1fM %8d %8.0f (%d) %s %8s %5s%n", size, model.parameterCount() / 1e6,
                            n, withCache[0], (int) withCache[1], noCache, speedup, same == null ? "-" : same);
                    if (export != null) {
                        export.result(size, model.parameterCount(), n, withCache, without, same, cached);
                    }
                }
            }
        }
    }

    /** Greedy decoding that re-runs the whole (unpadded, equal-length) batch for every new token. */
    static List<int[]> withoutCache(LlamaModel model, List<int[]> prompts, int n) {
        int b = prompts.size();
        int len = prompts.get(0).length;
        long[] ids = new long[b * (len + n)];
        int[][] out = new int[b][n];
        for (int t = 0; t < n; t++) {
            int cur = len + t;
            long[] in = new long[b * cur];
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < cur; j++) {
                    in[i * cur + j] = j < len ? prompts.get(i)[j] : out[i][j - len];
                }
            }
            try (NDManager step = model.manager().newSubManager()) {
                NDArray logits = model.forward(step.create(in, new Shape(b, cur)));
                long[] next = logits.get(new NDIndex(":, -1, :")).argMax(-1).toLongArray();
                for (int i = 0; i < b; i++) {
                    out[i][t] = (int) next[i];
                }
            }
        }
        return Arrays.asList(out);
    }

    static List<int[]> prompts(int batch, int len, int vocab) {
        SplittableRandom r = new SplittableRandom(3);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            out.add(r.ints(len, 0, vocab).toArray());
        }
        return out;
    }

    /** {median tokens/s, timed runs}: up to {@code runs} runs, fewer once {@link #BUDGET_SECONDS} are spent. */
    static double[] median(int runs, long tokens, Supplier<?> work) {
        double[] rates = new double[runs];
        long began = System.nanoTime();
        int done = 0;
        while (done < runs && (done == 0 || System.nanoTime() - began < BUDGET_SECONDS * 1_000_000_000L)) {
            long start = System.nanoTime();
            work.get();
            rates[done++] = tokens / ((System.nanoTime() - start) / 1e9);
        }
        double[] timed = Arrays.copyOf(rates, done);
        Arrays.sort(timed);
        double median = done % 2 == 1 ? timed[done / 2] : (timed[done / 2 - 1] + timed[done / 2]) / 2;
        return new double[] {median, done};
    }
}
