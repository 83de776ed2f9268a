package dev.pinch.trainer.engine;

import dev.pinch.events.settings.TrainingSettings;
import java.nio.file.Path;

/**
 * One supervised fine-tuning run.
 *
 * @param runId        the run's id (stable for a (mix id, training config hash) pair)
 * @param mixFile      local path of the mix's JSONL (fields id, lang, task, split, instruction, response)
 * @param mixSha256    the sha256 the MixReady event announced; recorded in trainer_state.json
 * @param baseModelDir a Hugging Face layout directory: config.json, safetensors, tokenizer.json
 * @param workDir      scratch directory of this run; checkpoints are written under it before publication
 * @param resumeFrom   a checkpoint directory written by an earlier attempt of this run, or null to start fresh
 * @param settings     the training settings (from the experiment's training config)
 */
public record TrainingJob(
        String runId,
        String experimentId,
        String mixId,
        Path mixFile,
        String mixSha256,
        Path baseModelDir,
        Path workDir,
        Path resumeFrom,
        TrainingSettings settings) {
}
