package dev.pinch.evaluator.scoring;

import java.util.Arrays;

/**
 * chrF match statistics: for each n-gram order (character orders first, then word orders) the hypothesis
 * n-gram count, the reference n-gram count and the clipped match count, flattened as in sacrebleu
 * ({@code [hyp, ref, match] * order}). Corpus statistics are the element-wise sum over segments.
 */
public final class ChrFStatistics {

    private final long[] values;

    private ChrFStatistics(long[] values) {
        this.values = values;
    }

    /** All-zero statistics for {@code order} n-gram orders. */
    public static ChrFStatistics zero(int order) {
        return new ChrFStatistics(new long[3 * order]);
    }

    /** Statistics from a flattened {@code [hyp, ref, match] * order} array (copied). */
    public static ChrFStatistics of(long... values) {
        if (values.length % 3 != 0) {
            throw new IllegalArgumentException("chrF statistics come in triples, got " + values.length);
        }
        return new ChrFStatistics(values.clone());
    }

    /** Number of n-gram orders. */
    public int order() {
        return values.length / 3;
    }

    /** Hypothesis n-gram count of order index {@code i} (0-based). */
    public long hyp(int i) {
        return values[3 * i];
    }

    /** Reference n-gram count of order index {@code i}. */
    public long ref(int i) {
        return values[3 * i + 1];
    }

    /** Clipped match count of order index {@code i}. */
    public long match(int i) {
        return values[3 * i + 2];
    }

    /** The element-wise sum of this and {@code other}. */
    public ChrFStatistics plus(ChrFStatistics other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("different orders: " + order() + " vs " + other.order());
        }
        long[] sum = values.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.values[i];
        }
        return new ChrFStatistics(sum);
    }

    /** A copy of the flattened values. */
    public long[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChrFStatistics s && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ChrFStatistics" + Arrays.toString(values);
    }
}
