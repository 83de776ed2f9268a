package dev.pinch.evaluator.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Seeded percentile bootstrap over prompts, hierarchical over seeds, paired across mixes.
 *
 * <p>Data: for an {@link Estimand} language L, the prompts resampled are those measured in every seed of every mix
 * whose term covers L (so differences are paired on the same prompts); the prompts of all languages are pooled by
 * id, so that a parallel eval set (the same prompt id in each language) is resampled as clusters.
 *
 * <p>One resample, with K the most seeds any mix has: for k = 1..K, draw a seed of each mix (uniformly, with
 * replacement, in the order of {@link Estimand#mixes()}), then draw n prompt ids with replacement from the n ids of the
 * pool (sorted by id). Each term's language mean is then the mean over k of the mean over the drawn ids measured in
 * that language, in the drawn seed; the statistic is the weighted sum of the terms' language means. With one seed
 * this is the ordinary paired bootstrap of prompts; with several it is the two-stage (seeds, then prompts) bootstrap.
 *
 * <p>The interval is the percentile interval: the (1 ± level)/2 quantiles of the resampled statistics, linearly
 * interpolated as numpy's default {@code quantile}. Percentile rather than BCa: every statistic here is a mean (or a
 * difference of means) of bounded per-prompt scores, and the Python reference can reproduce it exactly. Every
 * estimate starts its own {@link SplitMix64} from the same seed, so an estimate does not depend on which others were
 * computed before it.
 */
public final class Bootstrap {

    public static final int DEFAULT_RESAMPLES = 2000;
    public static final double DEFAULT_LEVEL = 0.95;
    public static final long DEFAULT_SEED = 1;
    /** Fewer prompts than this give a point estimate without an interval. */
    public static final int MIN_PROMPTS = 2;

    private final int resamples;
    private final double level;
    private final long seed;

    public Bootstrap(int resamples, double level, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples must be >= 100, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        this.resamples = resamples;
        this.level = level;
        this.seed = seed;
    }

    public Bootstrap() {
        this(DEFAULT_RESAMPLES, DEFAULT_LEVEL, DEFAULT_SEED);
    }

    public int resamples() {
        return resamples;
    }

    public double level() {
        return level;
    }

    public long seed() {
        return seed;
    }

    /**
     * The estimate, its interval and its p-value against {@code nullValue}; empty when a term's mix has no seed, or a
     * language of a term has no prompt measured in every seed of every mix covering it.
     */
    public Optional<Interval> estimate(Estimand estimand, PromptData data, double nullValue) {
        Optional<PromptPool> layout = PromptPool.of(estimand, data);
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        PromptPool l = layout.get();
        double value = l.statistic(null, null);
        List<Double> perSeed = new ArrayList<>();
        if (l.maxSeeds > 1 && Arrays.stream(l.seeds).allMatch(s -> s == l.maxSeeds)) {
            for (int r = 0; r < l.maxSeeds; r++) {
                perSeed.add(l.statistic(seedsAll(l, r), null));
            }
        }
        if (l.pool.length < MIN_PROMPTS) {
            return Optional.of(new Interval(value, null, null, null, l.pool.length, l.maxSeeds, perSeed));
        }
        double[] stats = resample(l);
        if (stats.length < Math.max(100, resamples / 2)) {
            return Optional.of(new Interval(value, null, null, null, l.pool.length, l.maxSeeds, perSeed));
        }
        Arrays.sort(stats);
        int below = 0;
        int above = 0;
        for (double s : stats) {
            below += s <= nullValue ? 1 : 0;
            above += s >= nullValue ? 1 : 0;
        }
        double p = estimand.contrast() && nullValue == 0 ? signFlip(l.contributions())
                : Math.min(1, 2.0 * (Math.min(below, above) + 1) / (stats.length + 1));
        return Optional.of(new Interval(value, quantile(stats, (1 - level) / 2), quantile(stats, (1 + level) / 2), p,
                l.pool.length, l.maxSeeds, perSeed));
    }

    private double[] resample(PromptPool l) {
        SplitMix64 rng = new SplitMix64(seed);
        int n = l.pool.length;
        int[][] seedDraws = new int[l.maxSeeds][l.seeds.length];
        int[][] counts = new int[l.maxSeeds][n];
        double[] out = new double[resamples];
        int valid = 0;
        for (int b = 0; b < resamples; b++) {
            for (int k = 0; k < l.maxSeeds; k++) {
                for (int m = 0; m < l.seeds.length; m++) {
                    seedDraws[k][m] = rng.nextInt(l.seeds[m]);
                }
                Arrays.fill(counts[k], 0);
                for (int i = 0; i < n; i++) {
                    counts[k][rng.nextInt(n)]++;
                }
            }
            double s = l.statistic(seedDraws, counts);
            if (!Double.isNaN(s)) {
                out[valid++] = s;
            }
        }
        return Arrays.copyOf(out, valid);
    }

    /**
     * Two-sided p of a paired sign-flip (randomisation) test: each prompt's share of the difference keeps or flips its
     * sign at random ({@link SplitMix64} from the same seed, one draw per pooled prompt in id order, sign − when the
     * draw is negative); p = (#{|resampled sum| ≥ |observed sum|} + 1) / (resamples + 1). Exact in the limit whatever
     * the sample size, where the bootstrap's own p is optimistic with few discordant prompts (4 of 24, all one way,
     * give 0.125 here, about 0.02 by inverting the bootstrap interval).
     */
    private double signFlip(double[] contributions) {
        double observed = Math.abs(Arrays.stream(contributions).sum());
        double tolerance = 1e-9 * Math.max(1, observed);
        SplitMix64 rng = new SplitMix64(seed);
        int extreme = 0;
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (double c : contributions) {
                sum += rng.nextLong() < 0 ? -c : c;
            }
            extreme += Math.abs(sum) >= observed - tolerance ? 1 : 0;
        }
        return (extreme + 1.0) / (resamples + 1);
    }

    private static int[][] seedsAll(PromptPool l, int r) {
        int[][] draws = new int[1][l.seeds.length];
        Arrays.fill(draws[0], r);
        return draws;
    }

    /** The q-quantile of sorted values, interpolated linearly between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
