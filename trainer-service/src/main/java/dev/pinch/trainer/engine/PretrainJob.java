package dev.pinch.trainer.engine;

import dev.pinch.events.settings.TrainingSettings;
import java.nio.file.Path;

/**
 * Pretraining of the built-in base model.
 *
 * @param textFile   JSONL lines {"lang": ..., "text": ...} (the built-in corpus's text.jsonl)
 * @param tokenizer  the tokenizer.json to train with (written beside the weights)
 * @param workDir    scratch directory; checkpoints are written under it
 * @param resumeFrom a checkpoint of an interrupted pretraining, or null
 */
public record PretrainJob(String runId, Path textFile, Path tokenizer, Path workDir, Path resumeFrom,
        TrainingSettings settings) {
}
