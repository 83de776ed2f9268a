package dev.pinch.evaluator.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinch.lm.LoraAdapter;
import dev.pinch.store.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The base model of a LoRA checkpoint: a checkpoint holding PEFT's {@code adapter_config.json} instead of full
 * weights names its base in {@code base_model_name_or_path}, either a built-in model as stored
 * ({@code builtin-<sha256>}, the name CheckpointReady's {@code baseModel} carries; read from
 * {@code models/<name>}) or a directory on this machine.
 */
final class AdapterBase {

    private AdapterBase() {
    }

    /** The base model directory of an adapter checkpoint, or null when {@code checkpoint} holds full weights. */
    static Path of(Path checkpoint, ArtifactStore store) {
        Path config = checkpoint.resolve(LoraAdapter.CONFIG);
        if (!Files.isRegularFile(config)) {
            return null;
        }
        try {
            String name = new ObjectMapper().readTree(config.toFile()).path("base_model_name_or_path").asText("");
            if (name.matches("builtin-[0-9a-f]{64}")) {
                var artifact = store.find("models/" + name).orElseThrow(() -> new IllegalStateException(
                        "adapter " + checkpoint + ": its base model " + name + " is not in the store"));
                return store.localPath(artifact.uri());
            }
            Path dir = Path.of(name);
            if (!Files.isRegularFile(dir.resolve("config.json"))) {
                throw new IllegalStateException("adapter " + checkpoint + ": its base model '" + name
                        + "' is neither a stored built-in model nor a model directory here");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config, e);
        }
    }
}
