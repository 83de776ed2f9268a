package dev.pinch.trainer.service;

import dev.pinch.events.MixReady;
import dev.pinch.events.settings.TrainingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Where a run's base model comes from: {@code builtin} is the small model Pinch pretrains itself (once, cached in
 * the store by its config hash, see {@link BuiltinBaseModel}); anything else is a local directory in Hugging Face
 * layout, used as it is.
 */
@ApplicationScoped
public class BaseModels {

    private final BuiltinBaseModel builtin;
    private final MixChecks checks;

    public BaseModels(BuiltinBaseModel builtin, MixChecks checks) {
        this.builtin = builtin;
        this.checks = checks;
    }

    /**
     * The base model's directory, pretraining the built-in one first if needed (on the calling thread).
     *
     * @throws RunFailure when a directory base model is missing or not in Hugging Face layout
     */
    public Path resolve(String baseModel, MixReady mix, BooleanSupplier stop) throws Exception {
        if (TrainingSettings.BUILTIN.equals(baseModel)) {
            return builtin.ensure(mix.corpus(), stop);
        }
        checks.baseModelProblem(baseModel).ifPresent(problem -> {
            throw new RunFailure(problem);
        });
        Path dir = Path.of(baseModel).toAbsolutePath();
        if (!Files.isReadable(dir.resolve("config.json"))) {
            throw new RunFailure("training.baseModel: " + dir + "/config.json is not readable");
        }
        return dir;
    }

    /** The base model as named in CheckpointReady: {@code builtin-<config hash>}, or the directory. */
    public String describe(String baseModel) {
        return TrainingSettings.BUILTIN.equals(baseModel) ? builtin.name() : baseModel;
    }
}
