package dev.pinch.evaluator.stats;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014):
 * a 64-bit counter advanced by the golden-ratio gamma and mixed by two multiply-xorshift rounds. It is chosen
 * because it fits in a few lines on any platform: {@code src/test/python/make_bootstrap_golden.py} implements the
 * same generator, so the Python reference draws exactly the resampling indices Java draws and the two agree to
 * rounding error (BootstrapGoldenTest).
 */
public final class SplitMix64 {

    private long state;

    /** A generator whose first output depends only on {@code seed}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 bits. */
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A draw from {0, ..., bound - 1}: the next 64 bits, read as an unsigned number, modulo {@code bound}. The
     * modulo bias is below bound / 2<sup>64</sup>, far under anything a bootstrap can show.
     */
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be >= 1, got " + bound);
        }
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }
}
