package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheFormatAndReadsItBack() throws IOException {
        Path file = tmp.resolve("t.safetensors");
        try (NDManager m = Engines.newManager(Device.cpu())) {
            LinkedHashMap<String, NDArray> t = new LinkedHashMap<>();
            t.put("b.weight", m.arange(6f).reshape(2, 3));
            t.put("a.ids", m.create(new long[] {1, -2, 3}));
            Safetensors.write(file, t);
            byte[] bytes = Files.readAllBytes(file);
            long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertThat(n % 8).isZero();
            String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
            assertThat(header).contains("\"__metadata__\":{\"format\":\"pt\"}").contains("\"F32\"").contains("\"I64\"");
            assertThat(bytes.length).isEqualTo(8 + n + 6 * 4 + 3 * 8);
            Map<String, Safetensors.Tensor> read = Safetensors.read(file);
            assertThat(read.keySet()).containsExactly("b.weight", "a.ids");
            assertThat(read.get("b.weight").shape()).isEqualTo(new Shape(2, 3));
            assertThat(read.get("b.weight").toNDArray(m, DataType.FLOAT32).toFloatArray()).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(read.get("a.ids").toNDArray(m, DataType.INT64).toLongArray()).containsExactly(1, -2, 3);
        }
    }

    @Test
    void bfloat16RoundsToNearestEvenAndWidensExactly() {
        float[] values = {1f, -2.5f, 1.00390625f, 1.01171875f, 3.38e38f, 3.4e38f, Float.NaN};
        ByteBuffer f32 = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.nativeOrder());
        for (float v : values) {
            f32.putFloat(v);
        }
        f32.flip();
        ByteBuffer back = Bfloat16.toFloat32(Bfloat16.fromFloat32(f32)).order(ByteOrder.nativeOrder());
        assertThat(back.getFloat(0)).isEqualTo(1f);
        assertThat(back.getFloat(4)).isEqualTo(-2.5f);
        assertThat(back.getFloat(8)).isEqualTo(1f); // halfway: ties to even
        assertThat(back.getFloat(12)).isEqualTo(1.015625f); // halfway: ties to even (up)
        assertThat(back.getFloat(16)).isEqualTo(3.3762391e38f); // as torch.bfloat16
        assertThat(back.getFloat(20)).isEqualTo(Float.POSITIVE_INFINITY); // as torch.bfloat16
        assertThat(Float.isNaN(back.getFloat(24))).isTrue();
    }

    @Test
    void rejectsFilesThatAreNotSafetensors() throws IOException {
        Path bad = tmp.resolve("bad.safetensors");
        Files.write(bad, new byte[] {(byte) 0xFF, 0x7F, 0, 0, 0, 0, 0, 0, 1, 2});
        assertThatThrownBy(() -> Safetensors.read(bad)).isInstanceOf(IOException.class).hasMessageContaining("not a safetensors");
        Path lying = tmp.resolve("lying.safetensors");
        byte[] h = "{\"x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,8]}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Files.write(lying, b.array());
        assertThatThrownBy(() -> Safetensors.read(lying)).hasMessageContaining("tensor x");
    }
}
