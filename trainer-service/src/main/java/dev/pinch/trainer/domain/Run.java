package dev.pinch.trainer.domain;

import dev.pinch.events.MixReady;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One training run of one mix under one training config, as stored in {@code runs/<runId>/run.json}. Immutable:
 * every change makes a new value, and state changes are checked against {@link RunState}.
 *
 * @param configHash      the training config hash (of the resolved settings, or of the raw config when invalid)
 * @param baseModel       the base model as configured: {@code builtin} or a directory
 * @param cancelRequested a cancel arrived while the run was RUNNING; it stops after its next step
 * @param attempts        how many times a worker started the run (more than 1 after a restart)
 * @param resumedFrom     the checkpoint key the latest attempt resumed from, or null
 * @param error           why the run FAILED, else null
 * @param mix             the MixReady the run trains on: everything needed to restart it
 */
public record Run(
        String runId,
        String experimentId,
        String mixId,
        String configHash,
        String baseModel,
        RunState state,
        boolean cancelRequested,
        int attempts,
        String resumedFrom,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant finishedAt,
        RunProgress progress,
        List<LossPoint> lossCurve,
        List<CheckpointRecord> checkpoints,
        String error,
        MixReady mix) {

    public Run {
        lossCurve = lossCurve == null ? List.of() : List.copyOf(lossCurve);
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** A new QUEUED run. */
    public static Run queued(String runId, String configHash, String baseModel, MixReady mix, Instant now) {
        return new Run(runId, mix.experimentId(), mix.mixId(), configHash, baseModel, RunState.QUEUED, false, 0, null,
                now, now, null, null, null, List.of(), List.of(), null, mix);
    }

    /** This run in {@code target} state; throws {@link IllegalTransitionException} when the move is not allowed. */
    public Run moveTo(RunState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException(runId, state, target);
        }
        Instant finished = target.terminal() ? now : null;
        return new Run(runId, experimentId, mixId, configHash, baseModel, target, cancelRequested, attempts,
                resumedFrom, createdAt, now, startedAt, finished, progress, lossCurve, checkpoints, error, mix);
    }

    /** FAILED with a reason. */
    public Run fail(String reason, Instant now) {
        Run failed = moveTo(RunState.FAILED, now);
        return new Run(runId, experimentId, mixId, configHash, baseModel, failed.state, cancelRequested, attempts,
                resumedFrom, createdAt, now, startedAt, now, progress, lossCurve, checkpoints, reason, mix);
    }

    /**
     * RUNNING, as a new attempt that resumes from {@code checkpoint} (or starts fresh when null). Loss points
     * after the checkpoint's step belong to the interrupted attempt and are dropped: the curve continues.
     */
    public Run start(CheckpointRecord checkpoint, Instant now) {
        moveTo(RunState.RUNNING, now);
        long from = checkpoint == null ? 0 : checkpoint.step();
        List<LossPoint> kept = lossCurve.stream().filter(p -> p.step() <= from).toList();
        RunProgress kept0 = progress != null && progress.step() <= from ? progress : null;
        return new Run(runId, experimentId, mixId, configHash, baseModel, RunState.RUNNING, cancelRequested,
                attempts + 1, checkpoint == null ? null : checkpoint.key(), createdAt, now, now, null, kept0, kept,
                checkpoints, null, mix);
    }

    public Run requestCancel(Instant now) {
        return new Run(runId, experimentId, mixId, configHash, baseModel, state, true, attempts, resumedFrom,
                createdAt, now, startedAt, finishedAt, progress, lossCurve, checkpoints, error, mix);
    }

    /** Records a progress report and appends it to the loss curve. */
    public Run report(RunProgress p, Instant now) {
        List<LossPoint> curve = new ArrayList<>(lossCurve);
        curve.removeIf(point -> point.step() >= p.step());
        curve.add(new LossPoint(p.step(), p.loss(), p.devLoss(), p.learningRate()));
        return new Run(runId, experimentId, mixId, configHash, baseModel, state, cancelRequested, attempts,
                resumedFrom, createdAt, now, startedAt, finishedAt, p, curve, checkpoints, error, mix);
    }

    /** Adds or replaces (same step) a checkpoint, keeping them ordered by step. */
    public Run withCheckpoint(CheckpointRecord checkpoint, Instant now) {
        List<CheckpointRecord> list = new ArrayList<>(checkpoints);
        list.removeIf(c -> c.step() == checkpoint.step());
        list.add(checkpoint);
        list.sort(Comparator.comparingLong(CheckpointRecord::step));
        return new Run(runId, experimentId, mixId, configHash, baseModel, state, cancelRequested, attempts,
                resumedFrom, createdAt, now, startedAt, finishedAt, progress, lossCurve, list, error, mix);
    }

    /** The newest checkpoint, if any. */
    public Optional<CheckpointRecord> latestCheckpoint() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.getLast());
    }
}
