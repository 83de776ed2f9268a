package dev.pinch.lm;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.ToNumberPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link LlamaConfig} as Hugging Face {@code config.json}, failing closed: every key is either
 * read into a setting the decoder implements, or on {@link ConfigKeys#NEUTRAL} (known not to change the
 * forward pass), or the config is refused with the key's name and value. Writing uses transformers 4.x keys,
 * which transformers 4 and 5 both read, and never writes a key twice.
 */
final class LlamaConfigJson {

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

    private LlamaConfigJson() {}

    static LlamaConfig read(Path file) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        ConfigFields f = new ConfigFields(file.toString(), o);
        String arch = architecture(f);
        String type = LlamaConfig.SUPPORTED.get(arch);
        String given = f.string("model_type", type);
        if (!given.equals(type)) {
            throw f.refuse("model_type", "does not match architecture " + arch + " (expected " + type + ")");
        }
        Family fam = Family.of(type);
        int hidden = f.required("hidden_size");
        int heads = f.required("num_attention_heads");
        int layers = f.required("num_hidden_layers");
        int headDim = f.integer("head_dim", fam.gemma() ? 256 : hidden / heads);
        int maxPos = f.integer("max_position_embeddings", fam.maxPositions());
        RopeSpecs.Pair rope = RopeSpecs.read(f, fam.theta(), fam == Family.GEMMA3 ? 10_000.0 : 0, maxPos);
        boolean attnBias = fam == Family.QWEN2 || fam.hasAttentionBiasKey() && f.bool("attention_bias", false);
        boolean mlpBias = fam == Family.LLAMA && f.bool("mlp_bias", false);
        DecoderOptions options = fam.options(f, layers, headDim, rope.local());
        LlamaConfig c = new LlamaConfig(arch, type, hidden, f.required("intermediate_size"), layers, heads,
                f.integer("num_key_value_heads", heads), headDim, f.required("vocab_size"), maxPos,
                f.number("rms_norm_eps", 1e-6), rope.global(), f.bool("tie_word_embeddings", fam.gemma()), attnBias,
                attnBias && fam != Family.QWEN2, mlpBias, options, f.optInt("bos_token_id"), ids(f, "eos_token_id"),
                f.optInt("pad_token_id"), dtype(f), ConfigKeys.neutralRest(f, fam));
        return c;
    }

    private static String architecture(ConfigFields f) {
        JsonElement a = f.raw("architectures");
        if (a == null || !a.isJsonArray() || a.getAsJsonArray().size() != 1) {
            throw f.refuse("architectures", "must name exactly one of " + LlamaConfig.SUPPORTED.keySet());
        }
        String arch = a.getAsJsonArray().get(0).getAsString();
        if ("Gemma3ForConditionalGeneration".equals(arch)) {
            throw f.refuse("architectures", "is the multimodal Gemma 3 (image tower and text_config); only the text "
                    + "model Gemma3ForCausalLM is supported: save its language model on its own");
        }
        if (!LlamaConfig.SUPPORTED.containsKey(arch)) {
            throw f.refuse("architectures", "is not supported; supported: " + LlamaConfig.SUPPORTED.keySet());
        }
        return arch;
    }

    private static String dtype(ConfigFields f) {
        String d = f.string("torch_dtype", null);
        String v5 = f.string("dtype", null);
        return d != null ? d : v5;
    }

    private static List<Integer> ids(ConfigFields f, String key) {
        JsonElement e = f.raw(key);
        if (e == null) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (JsonElement x : e.isJsonArray() ? e.getAsJsonArray().asList() : List.of(e)) {
            out.add(x.getAsInt());
        }
        return out;
    }

    static void write(LlamaConfig c, Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        Family fam = Family.of(c.modelType());
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
        m.put("rope_theta", c.rope().theta());
        Map<String, Object> scaling = new LinkedHashMap<>(c.rope().toJson());
        scaling.remove("rope_theta");
        m.put("rope_scaling", "default".equals(c.rope().type()) ? null : scaling);
        m.put("tie_word_embeddings", c.tieWordEmbeddings());
        if (fam.hasAttentionBiasKey()) {
            m.put("attention_bias", c.attentionBias());
        }
        if (fam == Family.LLAMA) {
            m.put("mlp_bias", c.mlpBias());
        }
        fam.writeOptions(c, m);
        m.put("bos_token_id", c.bosTokenId());
        m.put("eos_token_id", c.eosTokenIds().size() == 1 ? c.eosTokenIds().get(0) : c.eosTokenIds());
        m.put("pad_token_id", c.padTokenId());
        if (c.torchDtype() != null) {
            m.put("torch_dtype", c.torchDtype());
        }
        for (Map.Entry<String, Object> e : c.extra().entrySet()) {
            m.putIfAbsent(e.getKey(), e.getValue());
        }
        Files.writeString(file, GSON.toJson(m) + "\n", StandardCharsets.UTF_8);
    }
}
