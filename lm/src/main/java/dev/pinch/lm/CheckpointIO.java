package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads and saves Hugging Face checkpoint directories: {@code config.json} plus {@code model.safetensors}
 * or shards listed in {@code model.safetensors.index.json}.
 */
public final class CheckpointIO {

    /** Single-file weights. */
    public static final String WEIGHTS = "model.safetensors";
    /** Index of sharded weights. */
    public static final String INDEX = "model.safetensors.index.json";
    /** Model config. */
    public static final String CONFIG = "config.json";

    private CheckpointIO() {}

    /**
     * Reads every tensor of a checkpoint directory (single file or sharded), memory-mapped.
     *
     * @param dir the directory
     * @return name to tensor
     * @throws IOException when a file cannot be read
     * @throws CheckpointException when no weights are found or the index does not match its shards
     */
    public static Map<String, Safetensors.Tensor> readTensors(Path dir) throws IOException {
        Path index = dir.resolve(INDEX);
        if (Files.isRegularFile(index)) {
            JsonObject map = JsonParser.parseString(Files.readString(index, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonObject("weight_map");
            Map<String, List<String>> byShard = new TreeMap<>();
            for (Map.Entry<String, JsonElement> e : map.entrySet()) {
                byShard.computeIfAbsent(e.getValue().getAsString(), k -> new ArrayList<>()).add(e.getKey());
            }
            Map<String, Safetensors.Tensor> all = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, List<String>> shard : byShard.entrySet()) {
                Path file = dir.resolve(shard.getKey());
                if (!Files.isRegularFile(file)) {
                    problems.add("shard " + shard.getKey() + " listed in " + INDEX + " is missing");
                    continue;
                }
                Map<String, Safetensors.Tensor> tensors = Safetensors.read(file);
                for (String name : shard.getValue()) {
                    if (!tensors.containsKey(name)) {
                        problems.add(INDEX + " maps tensor " + name + " to " + shard.getKey() + " but it is not there");
                    }
                }
                all.putAll(tensors);
            }
            if (!problems.isEmpty()) {
                throw new CheckpointException(dir.toString(), problems);
            }
            return all;
        }
        Path single = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(single)) {
            throw new CheckpointException(dir.toString(), List.of("neither " + WEIGHTS + " nor " + INDEX + " found"));
        }
        return Safetensors.read(single);
    }

    /**
     * Loads and checks the weights of a checkpoint against its config, converting them to {@code dtype}.
     *
     * @param dir the directory
     * @param config the config the weights must match
     * @param manager the manager (and device) that will own the arrays
     * @param dtype the compute type, e.g. FLOAT32
     * @return HF name to array, in HF order
     * @throws IOException when a file cannot be read
     * @throws CheckpointException naming every missing, unexpected or mis-shaped tensor
     */
    public static LinkedHashMap<String, NDArray> loadWeights(Path dir, LlamaConfig config, NDManager manager,
            DataType dtype) throws IOException {
        Map<String, Safetensors.Tensor> found = readTensors(dir);
        LinkedHashMap<String, Shape> expected = LlamaWeights.expected(config);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            Safetensors.Tensor t = found.get(e.getKey());
            if (t == null) {
                problems.add("missing tensor " + e.getKey() + " (expected shape " + e.getValue() + ")");
            } else if (!t.shape().equals(e.getValue())) {
                problems.add("tensor " + e.getKey() + " has shape " + t.shape() + " but the config expects "
                        + e.getValue());
            }
        }
        for (String name : found.keySet()) {
            boolean tiedHead = config.tieWordEmbeddings() && LlamaWeights.LM_HEAD.equals(name);
            if (!expected.containsKey(name) && !tiedHead && !LlamaWeights.IGNORED.matcher(name).matches()) {
                problems.add("unexpected tensor " + name + " (shape " + found.get(name).shape() + ")");
            }
        }
        Safetensors.Tensor head = found.get(LlamaWeights.LM_HEAD);
        if (config.tieWordEmbeddings() && head != null && !sameValues(head, found.get(LlamaWeights.EMBED))) {
            problems.add("tie_word_embeddings is true but " + LlamaWeights.LM_HEAD + " differs from "
                    + LlamaWeights.EMBED + ": the config and the weights disagree (set tie_word_embeddings to false"
                    + " to use the head, or drop it)");
        }
        if (!problems.isEmpty()) {
            throw new CheckpointException(dir.toString(), problems);
        }
        LinkedHashMap<String, NDArray> out = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
            NDArray a = found.get(name).toNDArray(manager, dtype);
            a.setName(name);
            out.put(name, a);
        }
        return out;
    }

    /** Whether two stored tensors hold the same values (bytes when stored alike, else as fp32). */
    private static boolean sameValues(Safetensors.Tensor a, Safetensors.Tensor b) {
        if (b == null || !a.shape().equals(b.shape())) {
            return false;
        }
        if (a.dtype().equals(b.dtype())) {
            return a.chunks().equals(b.chunks()); // ByteBuffer.equals compares the remaining bytes
        }
        try (NDManager m = Engines.newManager(ai.djl.Device.cpu());
                NDArray x = a.toNDArray(m, DataType.FLOAT32);
                NDArray y = b.toNDArray(m, DataType.FLOAT32)) {
            return x.contentEquals(y);
        }
    }

    /**
     * Writes {@code config.json} (with {@code torch_dtype} set to the storage type) and
     * {@code model.safetensors} with HF names.
     *
     * @param dir the directory (created if needed)
     * @param config the config
     * @param params HF name to array
     * @param storage FLOAT32, BFLOAT16 or FLOAT16
     * @throws IOException when writing fails
     */
    public static void save(Path dir, LlamaConfig config, LinkedHashMap<String, NDArray> params, DataType storage)
            throws IOException {
        Files.createDirectories(dir);
        String dtype = switch (storage) {
            case FLOAT32 -> "float32";
            case BFLOAT16 -> "bfloat16";
            case FLOAT16 -> "float16";
            default -> throw new IllegalArgumentException("Cannot store weights as " + storage);
        };
        Safetensors.write(dir.resolve(WEIGHTS), params, storage);
        Files.deleteIfExists(dir.resolve(INDEX));
        config.withTorchDtype(dtype).write(dir.resolve(CONFIG));
    }
}
