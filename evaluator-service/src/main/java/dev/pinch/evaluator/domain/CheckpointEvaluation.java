package dev.pinch.evaluator.domain;

import dev.pinch.events.DesignRef;
import java.util.List;

/**
 * Every language score of one checkpoint, for one eval set and judge. Stored as JSON in the artifact store.
 *
 * @param seed the training seed of the run, when the experiment lists {@code seeds}; null for the single default run
 */
public record CheckpointEvaluation(
        String experimentId,
        String checkpointId,
        String mixId,
        DesignRef design,
        boolean finalCheckpoint,
        String evalSet,
        String judge,
        List<LanguageScore> scores,
        Long seed) {

    /** The mix's name inside its experiment: the mix id without the {@code <experiment id>.} prefix. */
    public String mixName() {
        return mixId.startsWith(experimentId + ".") ? mixId.substring(experimentId.length() + 1) : mixId;
    }
}
