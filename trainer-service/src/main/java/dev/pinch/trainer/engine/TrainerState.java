package dev.pinch.trainer.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.trainer.domain.LossPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code trainer_state.json}, written beside the weights of every checkpoint: everything a resumed run
 * needs to continue the same step count, data order, schedule and loss curve, and what identifies the
 * run (mix id and sha256, config hash) so that a checkpoint is never resumed by a different run.
 *
 * @param kind             {@code sft} or {@code pretrain}
 * @param step             optimizer steps done
 * @param totalSteps       planned optimizer steps of the run
 * @param epoch            epoch of the next micro-batch (= {@code cursor.epoch()})
 * @param cursor           the data cursor: the next micro-batch
 * @param schedulerStep    the learning-rate schedule's step (= step; the schedule is a function of it)
 * @param optimizerStep    AdamW's bias-correction step (= step − skippedSteps)
 * @param seeds            the seeds this run uses
 * @param mixId            the mix trained on (null when pretraining)
 * @param mixSha256        sha256 of the mix (pretraining: of the text file)
 * @param configHash       {@link TrainingSettings#configHash()}
 * @param settings         the resolved settings
 * @param baseModel        the base model the run started from ({@code builtin:<hash>} or a path)
 * @param device           where it trained, e.g. {@code cpu()} or {@code gpu(0)}
 * @param precision        {@code fp32} or {@code bf16}
 * @param tokens           non-pad tokens trained on so far
 * @param positions        batch positions so far (tokens + padding)
 * @param heldOutIds       example ids held out for the dev loss (SFT), not trained on
 * @param lossHistory      the loss curve so far
 * @param skippedSteps     steps skipped (no update) for a non-finite loss or gradient norm; 0 in older files
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainerState(
        int format,
        String kind,
        String runId,
        long step,
        long totalSteps,
        int epoch,
        DataCursor cursor,
        long schedulerStep,
        long optimizerStep,
        Seeds seeds,
        String mixId,
        String mixSha256,
        String configHash,
        Map<String, Object> settings,
        String baseModel,
        String device,
        String precision,
        long tokens,
        long positions,
        List<String> heldOutIds,
        List<LossPoint> lossHistory,
        long skippedSteps) {

    public static final String FILE = "trainer_state.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param data     data order (batch plan) seed
     * @param init     weight initialisation seed (pretraining; SFT starts from given weights)
     * @param devSplit seed of the held-out hash
     */
    public record Seeds(long data, long init, long devSplit) {
    }

    /** Share of padded positions so far. */
    public double paddingFraction() {
        return positions == 0 ? 0 : (positions - tokens) / (double) positions;
    }

    public static TrainerState read(Path checkpointDir) throws IOException {
        return JSON.readValue(checkpointDir.resolve(FILE).toFile(), TrainerState.class);
    }

    void write(Path checkpointDir) throws IOException {
        JSON.writeValue(checkpointDir.resolve(FILE).toFile(), this);
    }
}
