package dev.pinch.trainer.service;

import dev.pinch.events.Events;
import dev.pinch.trainer.domain.RunProgress;
import dev.pinch.trainer.engine.TrainingCallbacks;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The engine's callbacks for one run: a progress report is stored on the run (state, loss curve), sent as a
 * TrainingProgress event and shown in the metrics; a checkpoint is published through the {@link CheckpointOutbox}.
 */
@ApplicationScoped
public class RunReporter {

    private final RunRepository runs;
    private final RunAnnouncer events;
    private final CheckpointOutbox outbox;
    private final TrainerMetrics metrics;

    public RunReporter(RunRepository runs, RunAnnouncer events, CheckpointOutbox outbox, TrainerMetrics metrics) {
        this.runs = runs;
        this.events = events;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** Callbacks that report for {@code runId}. */
    public TrainingCallbacks callbacks(String runId) {
        return new TrainingCallbacks() {
            @Override
            public void progress(Progress p) {
                report(runId, p);
            }

            @Override
            public void checkpoint(Checkpoint checkpoint) throws Exception {
                outbox.publish(runId, checkpoint);
            }
        };
    }

    void report(String runId, TrainingCallbacks.Progress p) {
        Double devLoss = Double.isFinite(p.devLoss()) ? p.devLoss() : null;
        RunProgress progress = new RunProgress(p.step(), p.totalSteps(), p.epoch(), p.loss(), devLoss,
                p.tokensPerSecond(), p.learningRate(), p.stepMillis(), p.paddingFraction());
        var run = runs.update(runId, r -> r.report(progress, Events.now()));
        metrics.progress(runId, progress);
        events.progress(run, progress);
    }

    void started(String runId) {
        metrics.started(runId);
    }

    void stopped(String runId) {
        metrics.stopped(runId);
    }
}
