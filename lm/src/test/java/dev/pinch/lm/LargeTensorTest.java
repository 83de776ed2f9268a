package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tensors over 2 GiB: the row-run arithmetic in longs for Gemma 2's real embedding (256000 x 2304: 2.36 GB in
 * fp32), without allocating it; and the multi-run read and write paths on small tensors, with the run size lowered
 * so that they take several runs.
 */
class LargeTensorTest {

    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        RowChunks.maxElements = 1L << 28;
    }

    @Test
    void runsOfARealLargeEmbeddingStayUnder2GiBAndAddUp() {
        Shape embedding = new Shape(256_000, 2304);
        RowChunks runs = RowChunks.of(embedding);
        assertThat(runs.count()).isEqualTo(3);
        long total = 0;
        for (int i = 0; i < runs.count(); i++) {
            assertThat(runs.byteLength(i, 4)).isLessThanOrEqualTo(Integer.MAX_VALUE);
            assertThat(runs.byteOffset(i, 4)).isEqualTo(total);
            total += runs.byteLength(i, 4);
        }
        assertThat(total).isEqualTo(256_000L * 2304 * 4).isGreaterThan(Integer.MAX_VALUE);
        assertThat(runs.shape(embedding, 2)).isEqualTo(new Shape(256_000 - 2 * runs.rowsPerChunk(), 2304));
        RowChunks huge = RowChunks.of(new Shape(1_000_000, 8192)); // 32 GB in fp32
        assertThat(huge.byteOffset(huge.count() - 1, 4)).isEqualTo(huge.firstRow(huge.count() - 1) * 8192L * 4)
                .isGreaterThan(10L * Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "BFLOAT16", "FLOAT16"})
    void aTensorInSeveralRunsReadsAndWritesLikeOne(DataType storage) throws IOException {
        Path one = tmp.resolve("one.safetensors");
        Path many = tmp.resolve("many.safetensors");
        try (NDManager m = Engines.newManager(Device.cpu())) {
            NDArray a = m.randomNormal(new Shape(37, 5));
            LinkedHashMap<String, NDArray> t = new LinkedHashMap<>(Map.of("w", a));
            Safetensors.write(one, t, storage);
            RowChunks.maxElements = 20; // 4 rows per run: 10 runs
            Safetensors.write(many, t, storage);
            assertThat(Files.readAllBytes(many)).isEqualTo(Files.readAllBytes(one));
            Safetensors.Tensor read = Safetensors.read(many).get("w");
            assertThat(read.chunks()).hasSize(10);
            assertThatThrownBy(read::data).hasMessageContaining("runs");
            NDArray back = read.toNDArray(m, DataType.FLOAT32);
            RowChunks.maxElements = 1L << 28;
            NDArray whole = Safetensors.read(one).get("w").toNDArray(m, DataType.FLOAT32);
            assertThat(back.getShape()).isEqualTo(new Shape(37, 5));
            assertThat(back.contentEquals(whole)).isTrue();
        }
    }

    @Test
    void aTiedConfigWithADifferentLmHeadIsRefused() throws IOException {
        Path dir = tmp.resolve("tied");
        try (LlamaModel model = LlamaModel.load(TestData.golden("qwen3"), Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            assertThat(model.config().tieWordEmbeddings()).isTrue();
            model.save(dir);
            LinkedHashMap<String, NDArray> params = model.parameters();
            NDArray embed = params.get(LlamaWeights.EMBED);
            params.put(LlamaWeights.LM_HEAD, embed.duplicate());
            Safetensors.write(dir.resolve(CheckpointIO.WEIGHTS), params);
            try (LlamaModel same = LlamaModel.load(dir, Device.cpu())) {
                assertThat(same.parameters()).doesNotContainKey(LlamaWeights.LM_HEAD);
            }
            params.put(LlamaWeights.LM_HEAD, embed.mul(2));
            Safetensors.write(dir.resolve(CheckpointIO.WEIGHTS), params);
            assertThatThrownBy(() -> LlamaModel.load(dir, Device.cpu())).isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("tie_word_embeddings is true but lm_head.weight differs");
        }
    }
}
