package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
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
    /** The most bytes read into one direct buffer: whole rows up to 1 GiB. */
    static final long MAX_CHUNK_BYTES = 1L << 30;
    private static final long MAX_HEADER_BYTES = 100L << 20;

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
        return read(file, manager, MAX_CHUNK_BYTES);
    }

    /**
     * Reads one tensor at a time straight from the file into native memory, so neither the file (4 GB of moments
     * for a 0.5B model) nor a tensor is ever whole on the Java heap; a tensor over {@code maxChunk} bytes (a
     * direct buffer holds at most 2 GiB) is read in runs of whole rows and concatenated by the engine.
     */
    static Loaded read(Path file, NDManager manager, long maxChunk) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer len = readFully(in, 0, 8);
            long headerLen = len.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            if (headerLen <= 0 || headerLen > MAX_HEADER_BYTES || 8 + headerLen > in.size()) {
                throw new IOException(file + ": not a safetensors file (header length " + headerLen + ")");
            }
            ByteBuffer headerBytes = readFully(in, 8, (int) headerLen);
            byte[] json = new byte[(int) headerLen];
            headerBytes.get(json);
            JsonNode header = JSON.readTree(json);
            long step = Long.parseLong(header.path("__metadata__").path("step").asText("0"));
            long data = 8 + headerLen;
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            try {
                for (var f : header.properties()) {
                    if (!f.getKey().equals("__metadata__")) {
                        tensors.put(f.getKey(), tensor(in, data, f.getKey(), f.getValue(), manager, maxChunk, file));
                    }
                }
            } catch (IOException | RuntimeException e) {
                tensors.values().forEach(NDArray::close);
                throw e;
            }
            return new Loaded(tensors, step);
        }
    }

    private static NDArray tensor(FileChannel in, long data, String name, JsonNode meta, NDManager manager,
            long maxChunk, Path file) throws IOException {
        if (!"F32".equals(meta.path("dtype").asText())) {
            throw new IOException(file + ": " + name + " is not F32");
        }
        long[] shape = JSON.convertValue(meta.get("shape"), long[].class);
        long from = meta.get("data_offsets").get(0).asLong();
        long to = meta.get("data_offsets").get(1).asLong();
        Shape s = new Shape(shape);
        if (to - from != s.size() * 4 || from < 0 || data + to > in.size()) {
            throw new IOException(file + ": " + name + "'s offsets do not match its shape " + s);
        }
        long rows = s.dimension() == 0 ? 1 : shape[0];
        long rowBytes = rows == 0 ? 4 : (to - from) / rows;
        long perChunk = Math.max(1, maxChunk / Math.max(1, rowBytes));
        if (rows <= perChunk) {
            return manager.create(readFully(in, data + from, (int) (to - from)), s, DataType.FLOAT32);
        }
        NDList parts = new NDList();
        try {
            for (long r = 0; r < rows; r += perChunk) {
                long n = Math.min(perChunk, rows - r);
                long[] partShape = shape.clone();
                partShape[0] = n;
                parts.add(manager.create(readFully(in, data + from + r * rowBytes, (int) (n * rowBytes)),
                        new Shape(partShape), DataType.FLOAT32));
            }
            return NDArrays.concat(parts, 0);
        } finally {
            parts.close();
        }
    }

    private static ByteBuffer readFully(FileChannel in, long position, int bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        long at = position;
        while (buf.hasRemaining()) {
            int n = in.read(buf, at);
            if (n < 0) {
                throw new java.io.EOFException("optimizer state ends early at byte " + at);
            }
            at += n;
        }
        return buf.flip();
    }
}
