package dev.pinch.lm;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PEFT's {@code adapter_config.json} for a LoRA adapter: the fields of PEFT 0.21's {@code LoraConfig}
 * (src/peft/tuners/lora/config.py, as {@code save_pretrained} writes them; the key set is checked against a
 * file PEFT wrote, golden/lora-llama/adapter), with PEFT's defaults for every feature Pinch does not use.
 */
final class AdapterConfigJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private AdapterConfigJson() {
    }

    static void write(Path file, LoraSpec spec, String baseModel) throws IOException {
        Map<String, Object> c = new LinkedHashMap<>();
        for (String k : List.of("alora_invocation_tokens", "arrow_config", "auto_mapping", "corda_config",
                "eva_config", "exclude_modules", "kasa_config", "layer_replication", "layers_pattern",
                "layers_to_transform", "lora_ga_config", "megatron_config", "modules_to_save", "monteclora_config",
                "revision", "target_parameters", "trainable_token_indices", "use_bdlora", "velora_config")) {
            c.put(k, null);
        }
        c.put("alpha_pattern", Map.of());
        c.put("base_model_name_or_path", baseModel);
        c.put("bias", "none");
        c.put("ensure_weight_tying", false);
        c.put("fan_in_fan_out", false);
        c.put("inference_mode", true);
        c.put("init_lora_weights", true);
        c.put("loftq_config", Map.of());
        c.put("lora_alpha", spec.alpha());
        c.put("lora_bias", false);
        c.put("lora_dropout", spec.dropout());
        c.put("megatron_core", "megatron.core");
        c.put("peft_type", "LORA");
        c.put("peft_version", "0.21.0");
        c.put("qalora_group_size", 16);
        c.put("r", spec.rank());
        c.put("rank_pattern", Map.of());
        c.put("target_modules", spec.targetModules());
        c.put("task_type", "CAUSAL_LM");
        c.put("use_dora", false);
        c.put("use_qalora", false);
        c.put("use_rslora", false);
        Files.writeString(file, GSON.toJson(c), StandardCharsets.UTF_8);
    }

    /** The adapter's {@code base_model_name_or_path}, or "" when it names none. */
    static String baseModel(Path file) throws IOException {
        JsonObject o = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
        return o.has("base_model_name_or_path") && !o.get("base_model_name_or_path").isJsonNull()
                ? o.get("base_model_name_or_path").getAsString() : "";
    }

    /** Reads the LoRA settings; refuses features Pinch does not implement (DoRA, rsLoRA, per-module ranks). */
    static LoraSpec read(Path file) throws IOException {
        JsonObject o = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
        if (!"LORA".equals(o.get("peft_type").getAsString())) {
            throw new IOException(file + ": peft_type " + o.get("peft_type") + " is not LORA");
        }
        for (String flag : List.of("use_dora", "use_rslora", "fan_in_fan_out")) {
            if (o.has(flag) && o.get(flag).getAsBoolean()) {
                throw new IOException(file + ": " + flag + " is not supported");
            }
        }
        for (String pattern : List.of("rank_pattern", "alpha_pattern")) {
            if (o.has(pattern) && o.get(pattern).isJsonObject() && !o.getAsJsonObject(pattern).isEmpty()) {
                throw new IOException(file + ": " + pattern + " is not supported");
            }
        }
        List<String> targets = new ArrayList<>();
        o.getAsJsonArray("target_modules").forEach(e -> targets.add(e.getAsString()));
        double dropout = o.has("lora_dropout") ? o.get("lora_dropout").getAsDouble() : 0;
        return new LoraSpec(o.get("r").getAsInt(), o.get("lora_alpha").getAsDouble(), dropout,
                targets.stream().sorted(java.util.Comparator.comparingInt(LoraSpec.ALL_PROJECTIONS::indexOf)).toList());
    }
}
