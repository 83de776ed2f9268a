package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Causality, KV-cache equivalence and padding, on the golden models. */
class ForwardTest {

    @Test
    void changingALaterTokenNeverChangesEarlierLogits() {
        try (LlamaModel model = LlamaModel.load(TestData.golden("llama"), Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            long[] a = {5, 17, 3, 88, 42, 7, 61, 2, 33, 90, 11, 4};
            for (int changed = 1; changed < a.length; changed += 3) {
                long[] b = a.clone();
                b[changed] = (b[changed] + 50) % 97;
                NDArray la = model.forward(m.create(a, new Shape(1, a.length)));
                NDArray lb = model.forward(m.create(b, new Shape(1, b.length)));
                NDIndex before = new NDIndex(":, :{}, :", changed);
                assertThat(TestData.maxAbsDiff(la.get(before), lb.get(before))).as("before %d", changed).isZero();
                NDIndex at = new NDIndex(":, {}:, :", changed);
                assertThat(TestData.maxAbsDiff(la.get(at), lb.get(at))).isGreaterThan(1e-3f);
            }
        }
    }

    /**
     * Chunks of 4, 1, 3, 1, 1 tokens: a cache without an expected size doubles (4, 8, 16 positions); one made for the
     * 10 positions holds exactly 10; one made for too few (6) doubles past them (12).
     */
    @ParameterizedTest
    @CsvSource({"0, 16", "10, 10", "6, 12"})
    void kvCacheForwardMatchesFullForward(long expected, long capacity) {
        try (LlamaModel model = LlamaModel.load(TestData.golden("qwen2"), Device.cpu());
                NDManager m = model.manager().newSubManager();
                KvCache cache = expected == 0 ? model.newCache() : model.newCache(expected)) {
            NDArray ids = m.randomInteger(0, 101, new Shape(2, 10), DataType.INT64);
            NDArray full = model.forward(ids);
            int[] chunks = {4, 1, 3, 1, 1};
            int start = 0;
            for (int len : chunks) {
                NDIndex part = new NDIndex(":, {}:{}", start, start + len);
                NDArray logits = model.forward(ids.get(part), cache);
                // different matmul shapes reorder fp32 sums: agree to the golden tolerance, 1e-4
                assertThat(TestData.maxAbsDiff(logits, full.get(part))).as("chunk at %d", start).isLessThan(1e-4f);
                start += len;
                assertThat(cache.length()).isEqualTo(start);
                // only the keys and values of each layer stay in the cache: no views of older steps
                assertThat(cache.manager().getManagedArrays()).hasSize(2 * model.config().numHiddenLayers());
            }
            assertThat(cache.capacity()).isEqualTo(capacity);
        }
    }

    @Test
    void leftPaddedBatchMatchesEachSequenceAlone() {
        try (LlamaModel model = LlamaModel.load(TestData.golden("llama"), Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            long[] shortSeq = {9, 8, 7, 6};
            long[] longSeq = {1, 2, 3, 4, 5, 6, 7};
            long[] ids = {0, 0, 0, 9, 8, 7, 6, 1, 2, 3, 4, 5, 6, 7};
            long[] mask = {0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
            try (KvCache cache = model.newCache()) {
                NDArray batch = model.forward(m.create(ids, new Shape(2, 7)), m.create(mask, new Shape(2, 7)), cache);
                NDArray alone = model.forward(m.create(shortSeq, new Shape(1, 4)));
                assertThat(TestData.maxAbsDiff(batch.get("0:1, 3:, :"), alone)).isLessThan(1e-4f);
                NDArray aloneLong = model.forward(m.create(longSeq, new Shape(1, 7)));
                assertThat(TestData.maxAbsDiff(batch.get("1:2, :, :"), aloneLong)).isLessThan(1e-4f);
                // one more token per sequence through the padded cache: positions continue per sequence
                NDArray next = model.forward(m.create(new long[] {5, 8}, new Shape(2, 1)), cache);
                NDArray shortNext = model.forward(m.create(new long[] {9, 8, 7, 6, 5}, new Shape(1, 5)));
                assertThat(TestData.maxAbsDiff(next.get("0:1, :, :"), shortNext.get("0:1, 4:, :"))).isLessThan(1e-4f);
                NDArray longNext = model.forward(m.create(new long[] {1, 2, 3, 4, 5, 6, 7, 8}, new Shape(1, 8)));
                assertThat(TestData.maxAbsDiff(next.get("1:2, :, :"), longNext.get("0:1, 7:, :"))).isLessThan(1e-4f);
            }
        }
    }

    @Test
    void forwardLeavesNoIntermediateBehind() {
        try (LlamaModel model = LlamaModel.load(TestData.golden("llama"), Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            NDArray ids = m.randomInteger(0, 97, new Shape(2, 8), DataType.INT64);
            java.util.Set<NDArray> before = new java.util.HashSet<>(model.manager().getManagedArrays());
            NDArray logits = model.forward(ids);
            java.util.Set<NDArray> after = new java.util.HashSet<>(model.manager().getManagedArrays());
            after.removeAll(before);
            assertThat(after).containsExactly(logits); // nothing else, in the input's or the model's manager
        }
    }
}
