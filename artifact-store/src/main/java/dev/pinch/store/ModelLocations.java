package dev.pinch.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a model that a checkpoint or an adapter names lives: a built-in model is stored as
 * {@code models/builtin-<sha256>} (the name CheckpointReady's {@code baseModel} and an adapter's
 * {@code base_model_name_or_path} carry); any other name is a model directory on this machine (with a config.json).
 */
public final class ModelLocations {

    private static final Pattern BUILTIN = Pattern.compile("builtin-[0-9a-f]{64}");

    private ModelLocations() {
    }

    /** Whether {@code name} is a built-in model's stored name, {@code builtin-<sha256>}. */
    public static boolean isBuiltin(String name) {
        return name != null && BUILTIN.matcher(name).matches();
    }

    /** The store key of a built-in model's directory. */
    public static String builtinKey(String name) {
        if (!isBuiltin(name)) {
            throw new IllegalArgumentException("not a built-in model name (builtin-<sha256>): " + name);
        }
        return "models/" + name;
    }

    /**
     * The stored built-in model of that name, if any.
     *
     * @throws IOException when the store cannot be read
     */
    public static Optional<Artifact> stored(String name, ArtifactStore store) throws IOException {
        return isBuiltin(name) ? store.find(builtinKey(name)) : Optional.empty();
    }

    /**
     * The local directory of the model {@code name}: the stored built-in model, or the model directory; empty when it
     * is neither stored nor a directory holding a config.json.
     *
     * @throws IOException when the store cannot be read
     */
    public static Optional<Path> directory(String name, ArtifactStore store) throws IOException {
        if (isBuiltin(name)) {
            Optional<Artifact> artifact = stored(name, store);
            return artifact.isEmpty() ? Optional.empty() : Optional.of(store.localPath(artifact.get().uri()));
        }
        if (name == null || name.isBlank() || !Files.isRegularFile(Path.of(name).resolve("config.json"))) {
            return Optional.empty();
        }
        return Optional.of(Path.of(name));
    }
}
