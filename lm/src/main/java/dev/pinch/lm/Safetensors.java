package dev.pinch.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader and writer for the safetensors format: an 8-byte little-endian header length, a JSON header
 * ({@code name -> {dtype, shape, data_offsets}} plus {@code __metadata__}), then the raw little-endian data.
 *
 * <p>Reading memory-maps each tensor's bytes (nothing is copied until {@link Tensor#toNDArray}); writing
 * streams one tensor at a time into a temporary file that is forced to disk and then moved into place.
 */
public final class Safetensors {

    private static final long MAX_HEADER = 100L << 20;
    private static final Gson GSON = new Gson();

    private Safetensors() {}

    /**
     * One tensor of a safetensors file, its bytes still memory-mapped in runs of whole rows ({@link RowChunks}),
     * so a tensor over 2 GiB loads too.
     *
     * @param name the tensor name
     * @param dtype the safetensors dtype ({@code F32}, {@code BF16}, {@code F16}, {@code I64}, ...)
     * @param shape the shape
     * @param chunks the raw little-endian bytes of each run (read-only; position 0, limit = byte size)
     */
    public record Tensor(String name, String dtype, Shape shape, List<ByteBuffer> chunks) {

        /** Copies the run list. */
        public Tensor {
            chunks = List.copyOf(chunks);
        }

        /** @return the DJL data type of the stored bytes */
        public DataType dataType() {
            return SafetensorsDtype.toDjl(dtype);
        }

        /**
         * @return all the bytes, for a tensor stored in one run (under 2^28 elements)
         * @throws IllegalStateException for a larger tensor: use {@link #chunks()}
         */
        public ByteBuffer data() {
            if (chunks.size() != 1) {
                throw new IllegalStateException(name + " is stored in " + chunks.size() + " runs; read chunks()");
            }
            return chunks.get(0);
        }

        /**
         * Copies this tensor into a new array of {@code manager}, converted to {@code target}, one run at a time
         * (runs are joined in libtorch, so no Java buffer holds the whole tensor).
         *
         * @param manager the manager (and device) of the new array
         * @param target the data type of the new array
         * @return a new array owned by {@code manager}
         */
        public NDArray toNDArray(NDManager manager, DataType target) {
            DataTypes.checkSupported(target);
            if (shape.size() == 0) {
                return manager.zeros(shape, target);
            }
            RowChunks runs = RowChunks.of(shape);
            if (chunks.size() == 1) {
                return run(manager, target, chunks.get(0), shape);
            }
            NDList parts = new NDList();
            try (NDManager tmp = manager.newSubManager()) {
                for (int i = 0; i < chunks.size(); i++) {
                    parts.add(run(tmp, target, chunks.get(i), runs.shape(shape, i)));
                }
                NDArray all = NDArrays.concat(parts, 0);
                all.attach(manager);
                return all;
            }
        }

        private NDArray run(NDManager manager, DataType target, ByteBuffer data, Shape runShape) {
            boolean bf16 = "BF16".equals(dtype);
            ByteBuffer bytes = bf16 ? Bfloat16.toFloat32(data) : data.duplicate();
            // On the CPU 'raw' aliases 'bytes' (a read-only file mapping, or a Java buffer that only 'raw'
            // keeps alive), and toType() to the same type does not copy: clone into libtorch-owned memory.
            try (NDArray raw = manager.create(bytes, runShape, bf16 ? DataType.FLOAT32 : dataType())) {
                return raw.getDataType() == target ? raw.duplicate() : raw.toType(target, false);
            }
        }
    }

    /**
     * Reads a safetensors file's header and maps each tensor's data.
     *
     * @param file the file
     * @return the tensors in file order, by name
     * @throws IOException when the file cannot be read or is not valid safetensors
     */
    public static Map<String, Tensor> read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0);
            long n = len.getLong(0);
            if (size < 8 || n <= 1 || n > MAX_HEADER || n > size - 8) {
                throw new IOException(file + ": not a safetensors file (header length " + n + ", size " + size + ")");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            readFully(ch, hb, 8);
            JsonObject header = JsonParser.parseString(new String(hb.array(), StandardCharsets.UTF_8).trim())
                    .getAsJsonObject();
            long base = 8 + n;
            List<Map.Entry<String, JsonElement>> entries = new ArrayList<>();
            header.entrySet().stream().filter(e -> !"__metadata__".equals(e.getKey())).forEach(entries::add);
            entries.sort(Comparator.comparingLong(e -> e.getValue().getAsJsonObject()
                    .getAsJsonArray("data_offsets").get(0).getAsLong()));
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : entries) {
                JsonObject t = e.getValue().getAsJsonObject();
                String dtype = t.get("dtype").getAsString();
                long[] dims = GSON.fromJson(t.get("shape"), long[].class);
                long begin = t.getAsJsonArray("data_offsets").get(0).getAsLong();
                long end = t.getAsJsonArray("data_offsets").get(1).getAsLong();
                Shape shape = new Shape(dims);
                long expected = shape.size() * SafetensorsDtype.bytes(dtype);
                if (end - begin != expected || begin < 0 || base + end > size) {
                    throw new IOException(file + ": tensor " + e.getKey() + " has data_offsets [" + begin + ", "
                            + end + "] but " + dtype + shape + " needs " + expected + " bytes (file " + size + ")");
                }
                out.put(e.getKey(), new Tensor(e.getKey(), dtype, shape, map(ch, base + begin, shape, dtype)));
            }
            return out;
        }
    }

    private static List<ByteBuffer> map(FileChannel ch, long start, Shape shape, String dtype) throws IOException {
        if (shape.size() == 0) {
            return List.of(ByteBuffer.allocateDirect(0).order(ByteOrder.LITTLE_ENDIAN));
        }
        RowChunks runs = RowChunks.of(shape);
        int bytes = SafetensorsDtype.bytes(dtype);
        List<ByteBuffer> out = new ArrayList<>();
        for (int i = 0; i < runs.count(); i++) {
            out.add(ch.map(FileChannel.MapMode.READ_ONLY, start + runs.byteOffset(i, bytes), runs.byteLength(i, bytes))
                    .order(ByteOrder.LITTLE_ENDIAN));
        }
        return out;
    }

    /**
     * Writes arrays as F32 with {@code __metadata__ = {"format": "pt"}}.
     *
     * @param file the file to (over)write atomically
     * @param tensors name to array, in the order to write
     * @throws IOException when writing fails
     */
    public static void write(Path file, LinkedHashMap<String, NDArray> tensors) throws IOException {
        write(file, tensors, DataType.FLOAT32);
    }

    /**
     * Writes arrays, storing floating-point ones as {@code storage} (FLOAT32, BFLOAT16 or FLOAT16);
     * integer arrays keep their type.
     *
     * @param file the file to (over)write atomically
     * @param tensors name to array, in the order to write
     * @param storage the on-disk type of floating-point arrays
     * @throws IOException when writing fails
     */
    public static void write(Path file, LinkedHashMap<String, NDArray> tensors, DataType storage)
            throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("__metadata__", Map.of("format", "pt"));
        long offset = 0;
        List<DataType> types = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            NDArray a = e.getValue();
            DataType t = a.getDataType().isFloating() ? storage : a.getDataType();
            long bytes = a.getShape().size() * SafetensorsDtype.bytes(SafetensorsDtype.fromDjl(t));
            header.put(e.getKey(), Map.of("dtype", SafetensorsDtype.fromDjl(t), "shape", a.getShape().getShape(),
                    "data_offsets", new long[] {offset, offset + bytes}));
            types.add(t);
            offset += bytes;
        }
        byte[] json = GSON.toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, head);
            int i = 0;
            for (NDArray a : tensors.values()) {
                writeArray(ch, a, types.get(i++));
            }
            ch.force(true);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeArray(FileChannel ch, NDArray a, DataType t) throws IOException {
        RowChunks runs = RowChunks.of(a.getShape());
        if (runs.count() == 1) {
            writeRun(ch, a, t);
            return;
        }
        for (int i = 0; i < runs.count(); i++) {
            try (NDArray run = a.get(new NDIndex("{}:{}", runs.firstRow(i), runs.firstRow(i) + runs.rowCount(i)))) {
                writeRun(ch, run, t);
            }
        }
    }

    private static void writeRun(FileChannel ch, NDArray a, DataType t) throws IOException {
        NDArray cpu = a.getDevice().equals(Device.cpu()) ? a : a.toDevice(Device.cpu(), true);
        DataType via = t == DataType.BFLOAT16 ? DataType.FLOAT32 : t;
        NDArray conv = cpu.getDataType() == via ? cpu : cpu.toType(via, true);
        try {
            ByteBuffer bytes = conv.toByteBuffer(true);
            writeFully(ch, t == DataType.BFLOAT16 ? Bfloat16.fromFloat32(bytes) : bytes);
        } finally {
            if (conv != a) {
                conv.close();
            }
            if (cpu != a && cpu != conv) {
                cpu.close();
            }
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer dst, long position) throws IOException {
        while (dst.hasRemaining()) {
            if (ch.read(dst, position + dst.position()) < 0) {
                throw new IOException("Unexpected end of file");
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            ch.write(src);
        }
    }
}
