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
 * @param drills     copy drills added to the text's windows ({@link CopyDrills#NONE} for none)
 */
public record PretrainJob(String runId, Path textFile, Path tokenizer, Path workDir, Path resumeFrom,
        TrainingSettings settings, CopyDrills drills) {

    public PretrainJob {
        java.util.Objects.requireNonNull(drills, "drills");
    }

    /** Pretraining on the text alone, without copy drills. */
    public PretrainJob(String runId, Path textFile, Path tokenizer, Path workDir, Path resumeFrom,
            TrainingSettings settings) {
        this(runId, textFile, tokenizer, workDir, resumeFrom, settings, CopyDrills.NONE);
    }
}
