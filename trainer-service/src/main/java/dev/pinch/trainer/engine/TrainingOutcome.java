package dev.pinch.trainer.engine;

import java.nio.file.Path;

/** How a run ended: {@code cancelled} when the cancellation flag stopped it early (after a checkpoint). */
public record TrainingOutcome(long steps, double finalLoss, Path finalCheckpoint, boolean cancelled) {
}
