package dev.pinch.trainer.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one checkpoint: config.json and model.safetensors (Hugging Face names, loadable by
 * transformers), tokenizer.json, trainer_state.json and optimizer.safetensors, staged and published
 * atomically by {@link Checkpoints}.
 */
final class CheckpointWriter {

    private final RunSpec spec;

    CheckpointWriter(RunSpec spec) {
        this.spec = spec;
    }

    Path write(CausalLm model, AdamW optimizer, TrainerState state) throws IOException {
        Path staged = Checkpoints.staging(spec.workDir(), state.step());
        try {
            model.save(staged);
            for (var f : spec.files().entrySet()) {
                Files.copy(f.getValue(), staged.resolve(f.getKey()), StandardCopyOption.REPLACE_EXISTING);
            }
            OptimizerFile.write(staged.resolve(OptimizerFile.FILE), optimizer.state(), optimizer.step());
            state.write(staged);
            return Checkpoints.publish(staged, state.step());
        } catch (IOException | RuntimeException e) {
            Checkpoints.deleteTree(staged);
            throw e;
        }
    }

    /** The state at this point of the run. */
    TrainerState state(long step, long totalSteps, DataCursor cursor, RunMeter meter, long optimizerStep) {
        return new TrainerState(1, spec.kind(), spec.runId(), step, totalSteps, cursor.epoch(), cursor, step,
                optimizerStep, spec.seeds(), spec.mixId(), spec.mixSha256(), spec.settings().configHash(),
                spec.settings().asMap(), spec.baseModel(), spec.device().name(), spec.device().precision(),
                meter.tokens(), meter.positions(), spec.heldOutIds(), meter.history(),
                meter.skippedSteps());
    }
}
