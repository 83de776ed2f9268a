package dev.pinch.lm;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Merges a PEFT LoRA adapter into its base and writes a full Hugging Face checkpoint ({@code config.json},
 * {@code model.safetensors} in fp32, and the tokenizer files found beside the adapter or else beside the base),
 * as PEFT's {@code merge_and_unload} followed by {@code save_pretrained} would.
 */
public final class LoraMerge {

    private static final List<String> SIDE_FILES = List.of("tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json", "generation_config.json", "chat_template.jinja");

    private LoraMerge() {
    }

    /**
     * Writes {@code base} + {@code adapter} merged into {@code out}.
     *
     * @param base the base model directory
     * @param adapter the adapter directory (adapter_config.json, adapter_model.safetensors)
     * @param out the output directory (created if needed)
     * @throws IOException when reading or writing fails
     */
    public static void write(Path base, Path adapter, Path out) throws IOException {
        try (LlamaModel model = LlamaModel.load(base, Device.cpu());
                LoraAdapter lora = LoraAdapter.load(adapter, model)) {
            lora.mergeInto(model);
            model.save(out);
        }
        for (String f : SIDE_FILES) {
            Path from = Files.isRegularFile(adapter.resolve(f)) ? adapter.resolve(f) : base.resolve(f);
            if (Files.isRegularFile(from)) {
                Files.copy(from, out.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
