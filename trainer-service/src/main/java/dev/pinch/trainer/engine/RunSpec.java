package dev.pinch.trainer.engine;

import dev.pinch.events.settings.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What identifies a run and goes into each of its checkpoints' trainer_state.json.
 *
 * @param kind  {@code sft} or {@code pretrain}
 * @param files files copied into every checkpoint, by their name there (tokenizer.json, tokenizer_config.json, ...)
 */
record RunSpec(String kind, String runId, String mixId, String mixSha256, TrainingSettings settings,
        String baseModel, DeviceChoice device, TrainerState.Seeds seeds, List<String> heldOutIds, Path workDir,
        Map<String, Path> files) {

    /** Fails when a checkpoint was written by a different run (other data, settings or kind). */
    void checkResumable(TrainerState state, Path from) {
        String why = null;
        if (!kind.equals(state.kind())) {
            why = "it is a " + state.kind() + " checkpoint, this run is " + kind;
        } else if (!settings.configHash().equals(state.configHash())) {
            why = "its training config hash " + state.configHash() + " differs from " + settings.configHash();
        } else if (mixSha256 != null && !mixSha256.equals(state.mixSha256())) {
            why = "it was trained on data with sha256 " + state.mixSha256() + ", not " + mixSha256;
        }
        if (why != null) {
            throw new IllegalStateException("cannot resume from " + from + ": " + why);
        }
    }
}
