package dev.pinch.trainer.service;

import dev.pinch.events.Events;
import dev.pinch.events.settings.InvalidSettingsException;
import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.store.ArtifactStore;
import dev.pinch.trainer.config.TrainerConfig;
import dev.pinch.trainer.domain.CheckpointRecord;
import dev.pinch.trainer.domain.IllegalTransitionException;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunState;
import dev.pinch.trainer.engine.TrainingEngine;
import dev.pinch.trainer.engine.TrainingJob;
import dev.pinch.trainer.engine.TrainingOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Trains one run on the calling (worker) thread: QUEUED → RUNNING, resolve the mix and base model, train (resuming
 * from the run's newest published checkpoint), then DONE, FAILED or CANCELLED. A run stopped by an interrupt or a
 * shutdown stays RUNNING, to be resumed at the next start.
 */
@ApplicationScoped
public class RunExecutor {

    private static final Logger LOG = Logger.getLogger(RunExecutor.class);

    @Inject
    RunRepository runs;
    @Inject
    MixChecks checks;
    @Inject
    BaseModels baseModels;
    @Inject
    TrainingEngine engine;
    @Inject
    RunReporter reporter;
    @Inject
    CheckpointOutbox outbox;
    @Inject
    ArtifactStore store;
    @Inject
    TrainerConfig config;

    void execute(String runId, BooleanSupplier stop) {
        Run queued = runs.find(runId).orElse(null);
        if (queued == null || queued.state() != RunState.QUEUED) {
            return;
        }
        CheckpointRecord resume = outbox.resumePoint(queued).orElse(null);
        Run run;
        try {
            run = runs.update(runId, r -> r.start(resume, Events.now()));
        } catch (IllegalTransitionException e) {
            return;
        }
        LOG.infof("run %s: RUNNING (attempt %d%s)", runId, run.attempts(),
                resume == null ? "" : ", resuming from " + resume.key());
        Path work = Path.of(config.workDir(), "runs", runId);
        reporter.started(runId);
        try {
            TrainingOutcome outcome = train(run, resume, work, stop);
            finish(runId, outcome);
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            stopped(runId, stop, e);
        } finally {
            reporter.stopped(runId);
            deleteQuietly(work);
        }
    }

    private TrainingOutcome train(Run run, CheckpointRecord resume, Path work, BooleanSupplier stop) throws Exception {
        TrainingSettings settings = TrainingSettings.from(MixIntake.trainingConfig(run.mix()));
        Path mixFile = checks.mixFile(run.mix());
        Path baseModel = baseModels.resolve(settings.baseModel(), run.mix(), stop);
        Path resumeFrom = resume == null ? null : store.localPath(URI.create(resume.uri()));
        deleteQuietly(work);
        Files.createDirectories(work);
        TrainingJob job = new TrainingJob(run.runId(), run.experimentId(), run.mixId(), mixFile, run.mix().sha256(),
                baseModel, work, resumeFrom, settings);
        return engine.train(job, reporter.callbacks(run.runId()), stop);
    }

    private void finish(String runId, TrainingOutcome outcome) throws Exception {
        if (outcome.cancelled()) {
            stopped(runId, () -> true, null);
            return;
        }
        Run run = runs.find(runId).orElseThrow();
        boolean hasFinal = run.checkpoints().stream().anyMatch(CheckpointRecord::finalCheckpoint);
        if (!hasFinal && outcome.finalCheckpoint() != null) {
            LOG.warnf("run %s: the engine reported no final checkpoint; publishing %s", runId,
                    outcome.finalCheckpoint());
            outbox.publishFinal(runId, outcome);
        }
        outbox.announcePending(runId);
        runs.update(runId, r -> r.moveTo(RunState.DONE, Events.now()));
        LOG.infof("run %s: DONE after %d steps, loss %.4f", runId, outcome.steps(), outcome.finalLoss());
    }

    /** After the engine stopped early or threw: CANCELLED, left RUNNING for a resume, or FAILED. */
    private void stopped(String runId, BooleanSupplier stop, Throwable error) {
        Run run = runs.find(runId).orElseThrow();
        if (run.cancelRequested()) {
            runs.update(runId, r -> r.moveTo(RunState.CANCELLED, Events.now()));
            LOG.infof("run %s: CANCELLED", runId);
        } else if (stop.getAsBoolean()) {
            LOG.infof("run %s: stopped (interrupt or shutdown); stays RUNNING and resumes at the next start", runId);
        } else {
            String reason = reason(error);
            LOG.errorf(error, "run %s: FAILED: %s", runId, reason);
            runs.update(runId, r -> r.fail(reason, Events.now()));
        }
    }

    static String reason(Throwable error) {
        if (error instanceof RunFailure || error instanceof InvalidSettingsException) {
            String prefix = error instanceof InvalidSettingsException ? "invalid training config: " : "";
            return prefix + error.getMessage();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = root == error ? "" : " (" + error.getClass().getSimpleName() + ")";
        return "training failed: " + root.getClass().getSimpleName() + ": " + root.getMessage() + where;
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("cannot delete %s: %s", dir, e.getMessage());
        }
    }
}
