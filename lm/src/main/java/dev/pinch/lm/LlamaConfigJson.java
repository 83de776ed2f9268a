package dev.pinch.lm;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes {@link LlamaConfig} as Hugging Face {@code config.json}. */
final class LlamaConfigJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

    /** Keys mapped to record components; everything else goes to {@code extra}. */
    private static final Set<String> KNOWN = Set.of("architectures", "model_type", "hidden_size",
            "intermediate_size", "num_hidden_layers", "num_attention_heads", "num_key_value_heads", "head_dim",
            "vocab_size", "max_position_embeddings", "rms_norm_eps", "rope_theta", "tie_word_embeddings",
            "attention_bias", "mlp_bias", "hidden_act", "bos_token_id", "eos_token_id", "pad_token_id", "torch_dtype", "dtype");

    private LlamaConfigJson() {}

    static LlamaConfig read(Path file) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        JsonArray archs = o.has("architectures") && o.get("architectures").isJsonArray()
                ? o.getAsJsonArray("architectures") : new JsonArray();
        if (archs.size() != 1) {
            throw new IllegalArgumentException(file + ": 'architectures' must name exactly one of "
                    + LlamaConfig.SUPPORTED.keySet() + ", was " + o.get("architectures"));
        }
        String arch = archs.get(0).getAsString();
        if (!LlamaConfig.SUPPORTED.containsKey(arch)) {
            throw new IllegalArgumentException(file + ": unsupported architecture " + arch + "; supported: "
                    + LlamaConfig.SUPPORTED.keySet());
        }
        checkSupported(file, arch, o);
        int hidden = required(file, o, "hidden_size");
        int heads = required(file, o, "num_attention_heads");
        boolean llama = "LlamaForCausalLM".equals(arch);
        boolean attnBias = llama ? bool(o, "attention_bias", false) : "Qwen2ForCausalLM".equals(arch);
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (!KNOWN.contains(e.getKey())) {
                extra.put(e.getKey(), GSON.fromJson(e.getValue(), Object.class));
            }
        }
        String dtype = o.has("torch_dtype") && !o.get("torch_dtype").isJsonNull()
                ? o.get("torch_dtype").getAsString()
                : o.has("dtype") && !o.get("dtype").isJsonNull() ? o.get("dtype").getAsString() : null;
        return new LlamaConfig(arch, LlamaConfig.SUPPORTED.get(arch), hidden,
                required(file, o, "intermediate_size"), required(file, o, "num_hidden_layers"), heads,
                integer(o, "num_key_value_heads", heads), integer(o, "head_dim", hidden / heads),
                required(file, o, "vocab_size"), integer(o, "max_position_embeddings", 2048),
                number(o, "rms_norm_eps", 1e-6), number(o, "rope_theta", 10000.0),
                bool(o, "tie_word_embeddings", false), attnBias, llama && attnBias,
                llama && bool(o, "mlp_bias", false), optInt(o, "bos_token_id"), ids(o.get("eos_token_id")),
                optInt(o, "pad_token_id"), dtype, extra);
    }

    private static void checkSupported(Path file, String arch, JsonObject o) {
        String act = o.has("hidden_act") && !o.get("hidden_act").isJsonNull()
                ? o.get("hidden_act").getAsString() : "silu";
        if (!"silu".equals(act)) {
            throw new IllegalArgumentException(file + ": hidden_act " + act + " is not supported (only silu)");
        }
        if (o.has("rope_scaling") && !o.get("rope_scaling").isJsonNull()) {
            throw new IllegalArgumentException(file + ": rope_scaling " + o.get("rope_scaling")
                    + " is not supported (plain rope_theta only)");
        }
        boolean sliding = "MistralForCausalLM".equals(arch)
                ? o.has("sliding_window") && !o.get("sliding_window").isJsonNull()
                : "Qwen2ForCausalLM".equals(arch) && bool(o, "use_sliding_window", false);
        if (sliding) {
            throw new IllegalArgumentException(file + ": " + arch + " with a sliding window (sliding_window="
                    + o.get("sliding_window") + ") is not supported; only full causal attention is");
        }
    }

    static void write(LlamaConfig c, Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architectures", List.of(c.architecture()));
        m.put("model_type", c.modelType());
        m.put("hidden_size", c.hiddenSize());
        m.put("intermediate_size", c.intermediateSize());
        m.put("num_hidden_layers", c.numHiddenLayers());
        m.put("num_attention_heads", c.numAttentionHeads());
        m.put("num_key_value_heads", c.numKeyValueHeads());
        m.put("head_dim", c.headDim());
        m.put("vocab_size", c.vocabSize());
        m.put("max_position_embeddings", c.maxPositionEmbeddings());
        m.put("rms_norm_eps", c.rmsNormEps());
        m.put("rope_theta", c.ropeTheta());
        m.put("tie_word_embeddings", c.tieWordEmbeddings());
        if ("llama".equals(c.modelType())) {
            m.put("attention_bias", c.outputBias());
            m.put("mlp_bias", c.mlpBias());
        }
        m.put("bos_token_id", c.bosTokenId());
        m.put("eos_token_id", c.eosTokenIds().size() == 1 ? c.eosTokenIds().get(0) : c.eosTokenIds());
        m.put("pad_token_id", c.padTokenId());
        m.put("torch_dtype", c.torchDtype() == null ? "float32" : c.torchDtype());
        m.put("hidden_act", "silu");
        for (Map.Entry<String, Object> e : c.extra().entrySet()) {
            m.putIfAbsent(e.getKey(), e.getValue());
        }
        Files.writeString(file, GSON.toJson(m) + "\n", StandardCharsets.UTF_8);
    }

    private static int required(Path file, JsonObject o, String key) {
        if (!o.has(key) || o.get(key).isJsonNull()) {
            throw new IllegalArgumentException(file + ": missing required key '" + key + "'");
        }
        return o.get(key).getAsInt();
    }

    private static int integer(JsonObject o, String key, int dflt) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : dflt;
    }

    private static Integer optInt(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : null;
    }

    private static double number(JsonObject o, String key, double dflt) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsDouble() : dflt;
    }

    private static boolean bool(JsonObject o, String key, boolean dflt) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsBoolean() : dflt;
    }

    private static List<Integer> ids(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        if (e.isJsonArray()) {
            return GSON.fromJson(e, new TypeToken<ArrayList<Integer>>() {}.getType());
        }
        return List.of(e.getAsInt());
    }
}
