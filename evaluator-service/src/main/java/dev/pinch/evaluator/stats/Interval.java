package dev.pinch.evaluator.stats;

import java.util.List;

/**
 * A bootstrap estimate.
 *
 * @param value      the point estimate: the statistic on the data as measured (seeds averaged)
 * @param low        lower end of the percentile interval, or null when too few prompts or resamples
 * @param high       upper end, or null likewise
 * @param p          two-sided p-value of "the statistic equals the null value": for a contrast against 0 (a
 *                   difference between mixes) a paired sign-flip randomisation test; otherwise from inverting the
 *                   percentile interval, 2 · (min(#resamples ≤ null, #resamples ≥ null) + 1) / (valid resamples + 1),
 *                   capped at 1; null when there is no interval
 * @param prompts    distinct prompts resampled (the union over the estimand's languages)
 * @param seeds      seeds (training replicates) per mix: the most any of its mixes has
 * @param seedValues the statistic on each seed alone (replicate i of every mix), when every mix has the same number
 *                   of seeds and more than one; else empty
 */
public record Interval(double value, Double low, Double high, Double p, int prompts, int seeds,
        List<Double> seedValues) {

    /** Copies the list. */
    public Interval {
        seedValues = seedValues == null ? List.of() : List.copyOf(seedValues);
    }

    /** Whether the interval lies entirely above {@code threshold}. */
    public boolean above(double threshold) {
        return low != null && low > threshold;
    }

    /** Whether the interval lies entirely below {@code threshold}. */
    public boolean below(double threshold) {
        return high != null && high < threshold;
    }
}
