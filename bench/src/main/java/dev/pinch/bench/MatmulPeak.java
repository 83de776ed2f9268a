package dev.pinch.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pinch.lm.Engines;

/**
 * The fp32 matmul peak of Pinch's libtorch on this machine, for {@code bin/bench-train}'s share of peak: the best
 * of 5 timed rounds of {@code [N, N] x [N, N]} products (after 3 untimed), in GFLOP/s (2·N³ per product), with the
 * intra-op threads the JVM was started with. Usage: {@code MatmulPeak [N=2048]}; prints one JSON line.
 */
public final class MatmulPeak {

    private MatmulPeak() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        double flop = 2.0 * n * n * n;
        int reps = (int) Math.max(3, 2e10 / flop);
        try (NDManager m = Engines.newManager(Device.cpu())) {
            NDArray a = m.randomNormal(new Shape(n, n));
            NDArray b = m.randomNormal(new Shape(n, n));
            for (int i = 0; i < 3; i++) {
                a.matMul(b).close();
            }
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    a.matMul(b).close();
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf("{\"framework\": \"djl\", \"n\": %d, \"gflops\": %.1f}%n", n, flop * reps / best);
        }
    }
}
