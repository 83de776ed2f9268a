package dev.pinch.evaluator.jobs;

import dev.pinch.lm.LoraAdapter;
import dev.pinch.store.ArtifactStore;
import dev.pinch.store.ModelLocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The base model of a LoRA checkpoint: a checkpoint holding PEFT's {@code adapter_config.json} instead of full
 * weights names its base in {@code base_model_name_or_path}, either a built-in model as stored
 * ({@code builtin-<sha256>}, the name CheckpointReady's {@code baseModel} carries; read from
 * {@code models/<name>}) or a directory on this machine ({@link ModelLocations}).
 */
final class AdapterBase {

    private AdapterBase() {
    }

    /** The base model directory of an adapter checkpoint, or null when {@code checkpoint} holds full weights. */
    static Path of(Path checkpoint, ArtifactStore store) {
        if (!LoraAdapter.isAdapter(checkpoint)) {
            return null;
        }
        try {
            String name = LoraAdapter.baseModelOf(checkpoint);
            return ModelLocations.directory(name, store).orElseThrow(() -> new IllegalStateException("adapter "
                    + checkpoint + ": its base model '" + name + "' is neither a stored built-in model nor a model"
                    + " directory here"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the adapter config of " + checkpoint, e);
        }
    }
}
