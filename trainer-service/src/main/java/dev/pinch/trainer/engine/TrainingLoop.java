package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDManager;

import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.trainer.domain.LossPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The training loop shared by fine-tuning and pretraining: optimizer steps until {@code maxSteps} (or
 * {@code epochs} passes over the data when maxSteps is 0), progress every {@code progressEvery} steps,
 * dev loss every {@code devEvery}, checkpoints every {@code checkpointEvery} and at the end. Cancellation
 * is checked between steps: the run then writes a checkpoint and ends with {@code cancelled = true}.
 * Resuming restores moments, step, data cursor and loss curve from the checkpoint (the weights come with
 * the model, loaded from the same directory), so the step count and loss curve continue.
 *
 * <p>Non-finite steps: a step whose loss or gradient norm is NaN or infinite is skipped (see
 * {@link StepRunner}), counted ({@code skippedSteps} in progress and trainer_state.json) and logged with its
 * examples; after {@code maxNonFiniteSteps} such steps in a row the run fails with a
 * {@link NonFiniteTrainingException}. A checkpoint is only written when every weight is finite.
 */
final class TrainingLoop {

    private static final System.Logger LOG = System.getLogger(TrainingLoop.class.getName());

    private final CausalLm model;
    private final BatchPlan plan;
    private final DevEvaluator dev;
    private final RunSpec spec;
    private final TrainingSettings s;
    private final CheckpointWriter writer;
    private final int padId;
    private final LrSchedule.Lead lead;

    TrainingLoop(CausalLm model, BatchPlan plan, DevEvaluator dev, RunSpec spec, int padId) {
        this(model, plan, dev, spec, padId, LrSchedule.Lead.NONE);
    }

    /** A loop whose first {@code lead.steps()} steps run at the lead's own rate (the plan's lead examples). */
    TrainingLoop(CausalLm model, BatchPlan plan, DevEvaluator dev, RunSpec spec, int padId, LrSchedule.Lead lead) {
        this.lead = lead;
        this.model = model;
        this.padId = padId;
        this.plan = plan;
        this.dev = dev;
        this.spec = spec;
        this.s = spec.settings();
        this.writer = new CheckpointWriter(spec);
    }

    /** Optimizer steps of the whole run. */
    long totalSteps() {
        if (s.maxSteps() > 0) {
            return s.maxSteps();
        }
        return (microBatchLimit() + s.gradAccumulation() - 1) / s.gradAccumulation();
    }

    private long microBatchLimit() {
        return s.maxSteps() > 0 ? Long.MAX_VALUE : plan.batchesBefore(plan.epochsWithLead(s.epochs()));
    }

    TrainingOutcome run(Path resumeFrom, TrainingCallbacks callbacks, BooleanSupplier cancelled) throws Exception {
        long total = totalSteps();
        Gradients.requireGradients(model.parameters());
        try (AdamW optimizer = new AdamW(model.manager(), model.parameters(), s.weightDecay())) {
            long step = 0;
            DataCursor cursor = DataCursor.START;
            RunMeter meter = new RunMeter(List.of(), 0, 0, 0);
            Path last = null;
            if (resumeFrom != null) {
                TrainerState state = TrainerState.read(resumeFrom);
                spec.checkResumable(state, resumeFrom);
                restore(optimizer, resumeFrom);
                step = state.step();
                cursor = state.cursor();
                meter = new RunMeter(state.lossHistory(), state.tokens(), state.positions(), state.skippedSteps());
                last = resumeFrom;
                if (step >= total) {
                    callbacks.checkpoint(checkpointEvent(resumeFrom, step, true));
                    return new TrainingOutcome(step, lastLoss(state), resumeFrom, false);
                }
            }
            StepRunner runner = new StepRunner(model, optimizer, plan, padId, s.gradClip(),
                    s.gradientCheckpointing(), spec.seeds().init(), s.lossAverage());
            LrSchedule schedule = LrSchedule.of(s, total, lead);
            long lastSaved = step;
            int nonFiniteRun = 0;
            while (step < total) {
                if (cancelled.getAsBoolean()) {
                    if (last == null || lastSaved != step) {
                        last = save(optimizer, step, total, cursor, meter, false, callbacks);
                    }
                    return new TrainingOutcome(step, meter.lastLoss(), last, true);
                }
                long consumed = plan.ordinal(cursor);
                int micro = (int) Math.min(s.gradAccumulation(), microBatchLimit() - consumed);
                double lr = schedule.at(step);
                long t0 = System.nanoTime();
                StepRunner.Result r = runner.run(cursor, micro, lr);
                meter.record(r, System.nanoTime() - t0, lr);
                cursor = r.next();
                step++;
                nonFiniteRun = r.skipped() ? nonFiniteRun + 1 : 0;
                if (r.skipped()) {
                    skipped(step, r, nonFiniteRun);
                }
                boolean end = step == total;
                boolean evalDev = s.devEvery() > 0 && !dev.isEmpty() && (step % s.devEvery() == 0 || end);
                double devLoss = evalDev ? dev.loss(model) : Double.NaN;
                if (step % s.progressEvery() == 0 || evalDev || end) {
                    callbacks.progress(meter.report(step, total, cursor.epoch(), devLoss));
                }
                if (end || s.checkpointEvery() > 0 && step % s.checkpointEvery() == 0) {
                    last = save(optimizer, step, total, cursor, meter, end, callbacks);
                    lastSaved = step;
                }
            }
            return new TrainingOutcome(step, meter.lastLoss(), last, false);
        }
    }

    /** Logs a skipped step; fails the run after {@code maxNonFiniteSteps} in a row. */
    private void skipped(long step, StepRunner.Result r, int inARow) {
        String what = "step " + step + " of run " + spec.runId() + ": loss " + r.loss() + ", gradient norm "
                + r.gradNorm() + " (" + r.targets() + " targets); examples " + r.examples();
        if (inARow >= s.maxNonFiniteSteps()) {
            throw new NonFiniteTrainingException(inARow + " steps in a row had a non-finite loss or gradient norm"
                    + " (maxNonFiniteSteps " + s.maxNonFiniteSteps() + "); last: " + what);
        }
        LOG.log(System.Logger.Level.WARNING, "skipped {0}: no update ({1} in a row)", what, inARow);
    }

    private Path save(AdamW optimizer, long step, long total, DataCursor cursor, RunMeter meter, boolean isFinal,
            TrainingCallbacks callbacks) throws Exception {
        List<String> bad = FiniteWeights.nonFinite(model);
        if (!bad.isEmpty()) {
            throw new NonFiniteTrainingException("run " + spec.runId() + " at step " + step + ": weights " + bad
                    + " are not finite; no checkpoint written");
        }
        Path dir = writer.write(model, optimizer, writer.state(step, total, cursor, meter, optimizer.step()));
        callbacks.checkpoint(checkpointEvent(dir, step, isFinal));
        return dir;
    }

    private TrainingCallbacks.Checkpoint checkpointEvent(Path dir, long step, boolean isFinal) {
        return new TrainingCallbacks.Checkpoint(dir, step, isFinal, spec.device().name(), spec.device().precision());
    }

    private void restore(AdamW optimizer, Path from) throws IOException {
        try (NDManager scope = model.manager().newSubManager()) {
            OptimizerFile.Loaded saved = OptimizerFile.read(from.resolve(OptimizerFile.FILE), scope);
            optimizer.restore(saved.tensors(), saved.step());
        }
    }

    private static double lastLoss(TrainerState state) {
        List<LossPoint> h = state.lossHistory();
        return h.isEmpty() ? Double.NaN : h.get(h.size() - 1).loss();
    }
}
