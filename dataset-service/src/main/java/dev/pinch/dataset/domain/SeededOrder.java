package dev.pinch.dataset.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Seeded, JDK-independent randomness for every choice Pinch makes while planning and drawing mixes.
 *
 * <p>Nothing here depends on {@link java.util.Random}, {@link java.util.SplittableRandom}'s bounded methods,
 * {@link java.util.Collections#shuffle} or hash-map iteration order, whose algorithms a JDK may change: the
 * generator is SplitMix64 (Steele, Lea, Flood 2014) written out in full, and labels are hashed with 64-bit
 * FNV-1a over their UTF-8 bytes. The same seed therefore gives the same mixes on every JDK and platform.
 */
public final class SeededOrder {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long state;

    /** A generator whose whole output is fixed by {@code seed}. */
    public SeededOrder(long seed) {
        this.state = seed;
    }

    /** Next 64 pseudo-random bits (SplitMix64). */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform integer in {@code [0, bound)}, without modulo bias (rejection sampling). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long bits;
        do {
            bits = nextLong() >>> 1;
        } while (bits >= limit);
        return (int) (bits % bound);
    }

    /** A Fisher–Yates permutation of {@code items} (input order matters; sort first for a set). */
    public <T> List<T> shuffle(Collection<T> items) {
        List<T> out = new ArrayList<>(items);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    /** {@code items} sorted by their natural order, then permuted with a generator seeded by {@code seed}. */
    public static <T extends Comparable<? super T>> List<T> shuffled(Collection<T> items, long seed) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.naturalOrder());
        return new SeededOrder(seed).shuffle(sorted);
    }

    /**
     * A child seed for a named sub-choice, e.g. {@code derive(experimentSeed, "pinch")} for a design and
     * {@code derive(designSeed, "pinch-p10")} for a mix. Different labels give unrelated seeds.
     */
    public static long derive(long seed, String label) {
        return mix(seed * GOLDEN_GAMMA + mix(hash(label) ^ 0x5DEECE66DL));
    }

    /**
     * 64-bit FNV-1a of the UTF-8 bytes of {@code text}. ({@link String#hashCode} is specified too, but has
     * only 32 bits; this one is written out so that its values are fixed by this class alone.)
     */
    public static long hash(String text) {
        long h = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** A seeded sort key for {@code label}: sorting by it gives a pseudo-random, subset-stable order. */
    public static long key(long seed, String label) {
        return mix(seed ^ mix(hash(label)));
    }

    /** SplitMix64's finaliser (variant 13 of Stafford's mixers). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
