package dev.pinch.lm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Token text to id of a {@code tokenizer.json}: the model vocabulary plus the added tokens. */
final class TokenizerVocab {

    static final List<String> EOS_CANDIDATES =
            List.of("<|endoftext|>", "</s>", "<|end_of_text|>", "<eos>", "<|im_end|>", "<|eot_id|>");
    static final List<String> PAD_CANDIDATES = List.of("<|pad|>", "<pad>", "[PAD]", "<|finetune_right_pad_id|>");

    private final Map<String, Integer> ids;
    private final int size;

    private TokenizerVocab(Map<String, Integer> ids) {
        this.ids = ids;
        this.size = ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    }

    static TokenizerVocab parse(String json) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        Map<String, Integer> ids = new HashMap<>();
        JsonObject model = root.getAsJsonObject("model");
        if (model != null && model.has("vocab") && model.get("vocab").isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : model.getAsJsonObject("vocab").entrySet()) {
                ids.put(e.getKey(), e.getValue().getAsInt());
            }
        } else if (model != null && model.has("vocab") && model.get("vocab").isJsonArray()) {
            int i = 0; // Unigram: [[piece, score], ...]
            for (JsonElement e : model.getAsJsonArray("vocab")) {
                ids.put(e.getAsJsonArray().get(0).getAsString(), i++);
            }
        }
        if (root.has("added_tokens") && root.get("added_tokens").isJsonArray()) {
            for (JsonElement e : root.getAsJsonArray("added_tokens")) {
                JsonObject t = e.getAsJsonObject();
                ids.put(t.get("content").getAsString(), t.get("id").getAsInt());
            }
        }
        return new TokenizerVocab(ids);
    }

    /** Reads {@code eos_token} and {@code pad_token} (strings or {"content": ...}) of a tokenizer_config.json. */
    static String[] specialTokens(Path config) throws IOException {
        String[] out = new String[2];
        if (Files.isRegularFile(config)) {
            JsonObject o = JsonParser.parseString(Files.readString(config, StandardCharsets.UTF_8)).getAsJsonObject();
            out[0] = text(o.get("eos_token"));
            out[1] = text(o.get("pad_token"));
        }
        return out;
    }

    private static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        return e.isJsonObject() ? e.getAsJsonObject().get("content").getAsString() : e.getAsString();
    }

    /** See {@link PinchTokenizer#bosToAdd()}. */
    int bosToAdd(String tokenizerJson, Path config) throws IOException {
        if (Files.isRegularFile(config)) {
            JsonObject o = JsonParser.parseString(Files.readString(config, StandardCharsets.UTF_8)).getAsJsonObject();
            if (o.has("add_bos_token") && !o.get("add_bos_token").isJsonNull()) {
                String bos = text(o.get("bos_token"));
                if (!o.get("add_bos_token").getAsBoolean() || bos == null) {
                    return -1;
                }
                return resolve(bos, List.of());
            }
        }
        JsonElement post = JsonParser.parseString(tokenizerJson).getAsJsonObject().get("post_processor");
        if (post != null && post.isJsonObject() && post.getAsJsonObject().has("processors")) {
            for (JsonElement p : post.getAsJsonObject().getAsJsonArray("processors")) {
                if (p.getAsJsonObject().has("single")) {
                    post = p;
                }
            }
        }
        if (post == null || !post.isJsonObject() || !post.getAsJsonObject().has("single")) {
            return -1;
        }
        JsonElement first = post.getAsJsonObject().getAsJsonArray("single").get(0);
        if (!first.getAsJsonObject().has("SpecialToken")) {
            return -1;
        }
        return id(first.getAsJsonObject().getAsJsonObject("SpecialToken").get("id").getAsString());
    }

    int id(String token) {
        return ids.getOrDefault(token, -1);
    }

    int size() {
        return size;
    }

    /** The id of {@code preferred}, else of the first candidate present, else -1. */
    int resolve(String preferred, List<String> candidates) {
        if (preferred != null) {
            int id = id(preferred);
            if (id < 0) {
                throw new IllegalArgumentException("Token " + preferred + " is not in the vocabulary");
            }
            return id;
        }
        return candidates.stream().mapToInt(this::id).filter(i -> i >= 0).findFirst().orElse(-1);
    }
}
