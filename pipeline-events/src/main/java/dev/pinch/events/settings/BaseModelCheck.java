package dev.pinch.events.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether {@code training.baseModel} names a model that can be loaded: the built-in one always can; a directory must
 * exist, be readable and hold a Hugging Face {@code config.json}. The dataset-service checks it on arrival (so the
 * directory must be visible to it at the same path as to the trainers) and the trainer again before training.
 */
public final class BaseModelCheck {

    private BaseModelCheck() {
    }

    /** Why {@code baseModel} cannot be loaded, or empty when it can. */
    public static Optional<String> problem(String baseModel) {
        if (TrainingSettings.BUILTIN.equals(baseModel)) {
            return Optional.empty();
        }
        Path dir;
        try {
            dir = Path.of(baseModel);
        } catch (InvalidPathException e) {
            return Optional.of("'" + baseModel + "' is not a path: " + e.getMessage());
        }
        if (!Files.isDirectory(dir)) {
            return Optional.of("directory " + dir.toAbsolutePath() + " does not exist");
        }
        if (!Files.isReadable(dir.resolve("config.json"))) {
            return Optional.of(dir.toAbsolutePath()
                    + " has no readable config.json (expected a Hugging Face layout directory)");
        }
        return Optional.empty();
    }
}
