package dev.pinch.trainer.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Length-bucketed batching, deterministic given the seed. Each epoch: a seeded shuffle of the examples;
 * chunks of {@value #CHUNK_BATCHES} batches' worth are sorted by length and cut into batches, so each
 * batch holds similar lengths and padding stays low; then the batch order is shuffled too, so lengths do
 * not drift through the epoch. {@link SplittableRandom}'s algorithm is specified, so plans are the same on
 * every JVM: a data cursor written by one process is valid in another.
 *
 * <p>A plan may open with a lead: examples trained on alone, once, before the main ones (the built-in recipe's copy
 * drills). The lead is then epoch 0 and the main examples' epochs follow; {@link #sequences()} holds the lead's
 * examples first.
 */
final class BatchPlan {

    static final int CHUNK_BATCHES = 32;

    private final List<TokenSequence> sequences;
    private final int leadSize;
    private final int batchSize;
    private final long seed;
    private int cachedEpoch = -1;
    private List<int[]> cached;

    BatchPlan(List<TokenSequence> sequences, int batchSize, long seed) {
        this(List.of(), sequences, batchSize, seed);
    }

    BatchPlan(List<TokenSequence> lead, List<TokenSequence> main, int batchSize, long seed) {
        if (main.isEmpty()) {
            throw new IllegalArgumentException("no training sequences");
        }
        this.sequences = lead.isEmpty() ? main : Stream.concat(lead.stream(), main.stream()).toList();
        this.leadSize = lead.size();
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** Batches of an epoch of the main examples. */
    int batchesPerEpoch() {
        return batches(sequences.size() - leadSize);
    }

    /** Batches of epoch {@code epoch} (the lead's, for epoch 0 of a plan with a lead). */
    int batchesIn(int epoch) {
        return epoch == 0 && leadSize > 0 ? batches(leadSize) : batchesPerEpoch();
    }

    /** Batches of the epochs before {@code epoch}. */
    long batchesBefore(int epoch) {
        if (epoch == 0) {
            return 0;
        }
        return leadSize > 0 ? batches(leadSize) + (long) (epoch - 1) * batchesPerEpoch()
                : (long) epoch * batchesPerEpoch();
    }

    /** Epochs of the main examples, with the lead's epoch in front when there is one. */
    int epochsWithLead(int epochs) {
        return leadSize > 0 ? epochs + 1 : epochs;
    }

    /** Batches before the cursor's: the micro-batch's index in the whole run. */
    long ordinal(DataCursor cursor) {
        return batchesBefore(cursor.epoch()) + cursor.position();
    }

    /** The cursor after the micro-batch it points at. */
    DataCursor next(DataCursor cursor) {
        return cursor.advance(batchesIn(cursor.epoch()));
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

    private int batches(int examples) {
        return (examples + batchSize - 1) / batchSize;
    }

    private List<int[]> build(int epoch) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        boolean lead = epoch == 0 && leadSize > 0;
        int from0 = lead ? 0 : leadSize;
        Integer[] order = new Integer[lead ? leadSize : sequences.size() - leadSize];
        Arrays.setAll(order, i -> from0 + i);
        shuffle(order, rng);
        List<int[]> batches = new ArrayList<>(batchesIn(epoch));
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
