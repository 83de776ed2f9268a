package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code optimizer.safetensors}: the AdamW state in the safetensors format (fp32 tensors named
 * {@code exp_avg.<param>}, {@code exp_avg_sq.<param>}, {@code master.<param>}), with the optimizer step in
 * the header's {@code __metadata__} ({@code "step"}), so {@code safetensors.torch.load_file} reads it.
 */
final class OptimizerFile {

    static final String FILE = "optimizer.safetensors";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OptimizerFile() {
    }

    /**
     * Writes the header, then each tensor's bytes straight from its native buffer, one tensor at a time: the Java
     * heap never holds the state (for a 0.5B model in full fine-tuning, 4 GB of moments).
     */
    static void write(Path file, Map<String, NDArray> tensors, long step) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("__metadata__", Map.of("step", Long.toString(step), "format", "pinch-adamw-1"));
        long offset = 0;
        for (var e : tensors.entrySet()) {
            long bytes = e.getValue().getShape().size() * 4;
            header.put(e.getKey(), Map.of("dtype", "F32", "shape", e.getValue().getShape().getShape(),
                    "data_offsets", new long[] {offset, offset + bytes}));
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int pad = (8 - json.length % 8) % 8;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length + pad);
            out.write(len.flip());
            out.write(ByteBuffer.wrap(json));
            out.write(ByteBuffer.wrap(" ".repeat(pad).getBytes(StandardCharsets.US_ASCII)));
            for (NDArray src : tensors.values()) {
                NDArray a = src.toType(DataType.FLOAT32, false).toDevice(ai.djl.Device.cpu(), false);
                try {
                    ByteBuffer data = a.toByteBuffer(); // native order: little-endian on every supported CPU
                    while (data.hasRemaining()) {
                        out.write(data);
                    }
                } finally {
                    if (a != src) {
                        a.close();
                    }
                }
            }
            out.force(true);
        }
    }

    /** The tensors (in {@code manager}) and the step. */
    record Loaded(Map<String, NDArray> tensors, long step) {
    }

    static Loaded read(Path file, NDManager manager) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = Math.toIntExact(buf.getLong(0));
        JsonNode header = JSON.readTree(new String(all, 8, headerLen, StandardCharsets.UTF_8));
        long step = Long.parseLong(header.path("__metadata__").path("step").asText("0"));
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (var f : header.properties()) {
            if (f.getKey().equals("__metadata__")) {
                continue;
            }
            if (!"F32".equals(f.getValue().path("dtype").asText())) {
                throw new IOException(file + ": " + f.getKey() + " is not F32");
            }
            long[] shape = JSON.convertValue(f.getValue().get("shape"), long[].class);
            long from = f.getValue().get("data_offsets").get(0).asLong();
            long to = f.getValue().get("data_offsets").get(1).asLong();
            ByteBuffer slice = ByteBuffer.allocateDirect(Math.toIntExact(to - from)).order(ByteOrder.nativeOrder());
            slice.put(all, 8 + headerLen + (int) from, (int) (to - from)).flip();
            tensors.put(f.getKey(), manager.create(slice, new Shape(shape), DataType.FLOAT32));
        }
        return new Loaded(tensors, step);
    }
}
