package dev.pinch.trainer.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Length-bucketed batching, deterministic given the seed. Each epoch: a seeded shuffle of the examples;
 * chunks of {@value #CHUNK_BATCHES} batches' worth are sorted by length and cut into batches, so each
 * batch holds similar lengths and padding stays low; then the batch order is shuffled too, so lengths do
 * not drift through the epoch. {@link SplittableRandom}'s algorithm is specified, so plans are the same on
 * every JVM: a data cursor written by one process is valid in another.
 */
final class BatchPlan {

    static final int CHUNK_BATCHES = 32;

    private final List<TokenSequence> sequences;
    private final int batchSize;
    private final long seed;
    private int cachedEpoch = -1;
    private List<int[]> cached;

    BatchPlan(List<TokenSequence> sequences, int batchSize, long seed) {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("no training sequences");
        }
        this.sequences = sequences;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    int batchesPerEpoch() {
        return (sequences.size() + batchSize - 1) / batchSize;
    }

    List<TokenSequence> sequences() {
        return sequences;
    }

    /** The batches (indices into the sequences) of an epoch, in training order. */
    List<int[]> epoch(int epoch) {
        if (epoch != cachedEpoch) {
            cached = build(epoch);
            cachedEpoch = epoch;
        }
        return cached;
    }

    /** The micro-batch the cursor points at. */
    int[] at(DataCursor cursor) {
        return epoch(cursor.epoch()).get(cursor.position());
    }

    private List<int[]> build(int epoch) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        Integer[] order = new Integer[sequences.size()];
        Arrays.setAll(order, i -> i);
        shuffle(order, rng);
        List<int[]> batches = new ArrayList<>(batchesPerEpoch());
        int chunk = batchSize * CHUNK_BATCHES;
        Comparator<Integer> byLength = Comparator.comparingInt(i -> sequences.get(i).length());
        for (int from = 0; from < order.length; from += chunk) {
            int to = Math.min(order.length, from + chunk);
            Arrays.sort(order, from, to, byLength);
            for (int b = from; b < to; b += batchSize) {
                int end = Math.min(to, b + batchSize);
                int[] batch = new int[end - b];
                for (int i = b; i < end; i++) {
                    batch[i - b] = order[i];
                }
                batches.add(batch);
            }
        }
        int[][] shuffled = batches.toArray(int[][]::new);
        shuffle(shuffled, rng);
        return List.of(shuffled);
    }

    private static <T> void shuffle(T[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
