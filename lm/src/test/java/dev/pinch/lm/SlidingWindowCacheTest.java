package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sliding-window layers through the KV cache: 24 tokens (window 5 or 6) fed in a chunk and then one at a time
 * give the full forward's logits (itself checked against PyTorch), and so does a left-padded batch.
 */
class SlidingWindowCacheTest {

    @ParameterizedTest
    @ValueSource(strings = {"gemma2", "gemma3", "mistral-sliding"})
    void cachedStepsMatchTheFullForward(String name) throws IOException {
        Map<String, Safetensors.Tensor> golden = Safetensors.read(TestData.golden(name).resolve("golden.safetensors"));
        try (LlamaModel model = LlamaModel.load(TestData.golden(name), Device.cpu());
                NDManager m = model.manager().newSubManager();
                KvCache cache = model.newCache()) {
            assertThat(model.config().options().anySliding()).isTrue();
            NDArray ids = golden.get("input_ids").toNDArray(m, DataType.INT64);
            NDArray full = model.forward(ids);
            int t = (int) ids.getShape().get(1);
            NDArray first = model.forward(ids.get(new NDIndex(":, 0:7")), cache);
            assertThat(TestData.maxAbsDiff(first, full.get(new NDIndex(":, 0:7, :")))).isLessThan(1e-4f);
            for (int i = 7; i < t; i++) {
                NDArray step = model.forward(ids.get(new NDIndex(":, {}:{}", i, i + 1)), cache);
                assertThat(TestData.maxAbsDiff(step, full.get(new NDIndex(":, {}:{}, :", i, i + 1))))
                        .as("position %d", i).isLessThan(1e-4f);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemma2", "gemma3"})
    void leftPaddingKeepsEachSequencesWindow(String name) throws IOException {
        Map<String, Safetensors.Tensor> golden = Safetensors.read(TestData.golden(name).resolve("golden.safetensors"));
        try (LlamaModel model = LlamaModel.load(TestData.golden(name), Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            long[] all = golden.get("input_ids").toNDArray(m, DataType.INT64).toLongArray();
            long[] shortRow = new long[24];
            long[] mask = new long[48];
            for (int i = 0; i < 24; i++) {
                shortRow[i] = i < 9 ? 0 : all[24 + i]; // second sequence: 9 pad tokens, then its last 15
                mask[i] = 1;
                mask[24 + i] = i < 9 ? 0 : 1;
            }
            long[] batch = new long[48];
            System.arraycopy(all, 0, batch, 0, 24);
            System.arraycopy(shortRow, 0, batch, 24, 24);
            NDArray padded = model.forward(m.create(batch, new Shape(2, 24)), m.create(mask, new Shape(2, 24)), null);
            long[] alone = java.util.Arrays.copyOfRange(all, 24 + 9, 48);
            NDArray single = model.forward(m.create(alone, new Shape(1, 15)));
            assertThat(TestData.maxAbsDiff(padded.get(new NDIndex("1:2, 9:, :")), single)).isLessThan(1e-4f);
            NDArray first = model.forward(m.create(java.util.Arrays.copyOf(all, 24), new Shape(1, 24)));
            assertThat(TestData.maxAbsDiff(padded.get(new NDIndex("0:1, :, :")), first)).isLessThan(1e-4f);
        }
    }
}
