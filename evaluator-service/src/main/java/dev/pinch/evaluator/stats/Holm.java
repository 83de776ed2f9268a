package dev.pinch.evaluator.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction (Holm 1979, "A simple sequentially rejective multiple test procedure"): with the m
 * p-values sorted ascending, the i-th (from 1) is adjusted to max over j ≤ i of min(1, (m − j + 1) · p<sub>(j)</sub>).
 * Rejecting where the adjusted p is below α controls the family-wise error rate at α, for any dependence between the
 * tests (here: languages judged on parallel prompts).
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the input order; a null input stays null and does not count in m. */
    public static Double[] adjust(Double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> p[i] != null).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        Double[] out = new Double[p.length];
        double running = 0;
        for (int rank = 0; rank < order.length; rank++) {
            running = Math.max(running, Math.min(1, (order.length - rank) * p[order[rank]]));
            out[order[rank]] = running;
        }
        return out;
    }

    /** {@link #adjust(Double[])} for plain values. */
    public static double[] adjust(double[] p) {
        Double[] adjusted = adjust(Arrays.stream(p).boxed().toArray(Double[]::new));
        return Arrays.stream(adjusted).mapToDouble(Double::doubleValue).toArray();
    }
}
