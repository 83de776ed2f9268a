package dev.pinch.trainer.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.PinchTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal {@code tokenizer_config.json} for a tokenizer.json that has none (the built-in byte-level
 * one), so that {@code AutoTokenizer.from_pretrained} on a checkpoint knows its EOS and pad tokens.
 */
final class TokenizerConfig {

    private TokenizerConfig() {
    }

    /** Writes it under {@code dir} and returns its path. */
    static Path write(Path dir, PinchTokenizer tokenizer, LlamaConfig config) throws IOException {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("tokenizer_class", "PreTrainedTokenizerFast");
        c.put("eos_token", tokenizer.decode(new int[] {tokenizer.eosId()}));
        c.put("pad_token", tokenizer.decode(new int[] {tokenizer.padId()}));
        c.put("model_max_length", config.maxPositionEmbeddings());
        c.put("clean_up_tokenization_spaces", false);
        Files.createDirectories(dir);
        Path file = dir.resolve("tokenizer_config.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), c);
        return file;
    }
}
