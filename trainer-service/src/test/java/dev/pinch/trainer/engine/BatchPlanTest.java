package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class BatchPlanTest {

    private static List<TokenSequence> sequences(int n, long seed) {
        Random r = new Random(seed);
        List<TokenSequence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] ids = new int[5 + r.nextInt(200)];
            Arrays.fill(ids, i);
            out.add(TokenSequence.allTargets(ids));
        }
        return out;
    }

    @Test
    void everyExampleOncePerEpochAndDeterministic() {
        List<TokenSequence> data = sequences(1003, 7);
        BatchPlan a = new BatchPlan(data, 16, 42);
        BatchPlan b = new BatchPlan(data, 16, 42);
        assertThat(a.batchesPerEpoch()).isEqualTo(63);
        TreeSet<Integer> seen = new TreeSet<>();
        for (int[] batch : a.epoch(0)) {
            for (int i : batch) {
                assertThat(seen.add(i)).isTrue();
            }
        }
        assertThat(seen).hasSize(1003);
        for (int i = 0; i < a.batchesPerEpoch(); i++) {
            assertThat(a.epoch(1).get(i)).isEqualTo(b.epoch(1).get(i));
        }
        assertThat(a.epoch(0).get(0)).isNotEqualTo(a.epoch(1).get(0));
        assertThat(new BatchPlan(data, 16, 43).epoch(0).get(0)).isNotEqualTo(a.epoch(0).get(0));
    }

    @Test
    void aLeadIsEpochZeroAndTheMainExamplesFollowItEpochByEpoch() {
        List<TokenSequence> lead = sequences(40, 5);
        List<TokenSequence> main = sequences(100, 6);
        BatchPlan plan = new BatchPlan(lead, main, 16, 42);
        assertThat(plan.sequences()).hasSize(140);
        assertThat(plan.batchesIn(0)).isEqualTo(3);
        assertThat(plan.batchesIn(1)).isEqualTo(7).isEqualTo(plan.batchesPerEpoch());
        assertThat(plan.epoch(0).stream().flatMapToInt(Arrays::stream).sorted().toArray())
                .isEqualTo(java.util.stream.IntStream.range(0, 40).toArray());
        for (int epoch = 1; epoch <= 2; epoch++) {
            assertThat(plan.epoch(epoch).stream().flatMapToInt(Arrays::stream).sorted().toArray())
                    .isEqualTo(java.util.stream.IntStream.range(40, 140).toArray());
        }
        assertThat(plan.next(new DataCursor(0, 2))).isEqualTo(new DataCursor(1, 0));
        assertThat(plan.next(new DataCursor(1, 6))).isEqualTo(new DataCursor(2, 0));
        assertThat(plan.ordinal(new DataCursor(2, 1))).isEqualTo(3 + 7 + 1);
        assertThat(plan.batchesBefore(plan.epochsWithLead(2))).isEqualTo(3 + 2 * 7);

        BatchPlan none = new BatchPlan(main, 16, 42);
        assertThat(none.ordinal(new DataCursor(2, 1))).as("without a lead, as before").isEqualTo(2 * 7 + 1);
        assertThat(none.batchesBefore(none.epochsWithLead(2))).isEqualTo(14);
        assertThat(none.epoch(0).get(0)).isEqualTo(new BatchPlan(List.of(), main, 16, 42).epoch(0).get(0));
    }

    @Test
    void bucketingKeepsPaddingFarBelowRandomBatches() {
        List<TokenSequence> data = sequences(2000, 3);
        double bucketed = padding(data, new BatchPlan(data, 16, 1).epoch(0));
        List<int[]> random = new ArrayList<>();
        for (int i = 0; i < 2000; i += 16) {
            int[] b = new int[Math.min(16, 2000 - i)];
            Arrays.setAll(b, k -> k);
            final int base = i;
            Arrays.setAll(b, k -> base + k);
            random.add(b);
        }
        double unsorted = padding(data, random);
        assertThat(bucketed).isLessThan(0.05);
        assertThat(unsorted).isGreaterThan(0.3);
    }

    @Test
    void microBatchIsRightPaddedAndCountsTargets() {
        List<TokenSequence> data = List.of(
                new TokenSequence(new int[] {5, 6, 7}, new byte[] {0, 0, 1}),
                new TokenSequence(new int[] {8, 9, 10, 11, 12}, new byte[] {1, 0, 0, 1, 1}));
        MicroBatch mb = MicroBatch.of(data, new int[] {0, 1}, 99);
        assertThat(mb.cols()).isEqualTo(5);
        assertThat(mb.ids()).containsExactly(5, 6, 7, 99, 99, 8, 9, 10, 11, 12);
        assertThat(mb.targets()).containsExactly(0, 0, 1, 0, 0, 0, 0, 0, 1, 1);
        assertThat(mb.realTokens()).isEqualTo(8);
        assertThat(mb.targetTokens()).isEqualTo(3);
    }

    private static double padding(List<TokenSequence> data, List<int[]> batches) {
        long pad = 0;
        long all = 0;
        for (int[] b : batches) {
            MicroBatch mb = MicroBatch.of(data, b, 0);
            pad += mb.positions() - mb.realTokens();
            all += mb.positions();
        }
        return pad / (double) all;
    }
}
