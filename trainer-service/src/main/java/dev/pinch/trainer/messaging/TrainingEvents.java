package dev.pinch.trainer.messaging;

import dev.pinch.events.CheckpointReady;
import dev.pinch.events.Events;
import dev.pinch.events.PipelineEvent;
import dev.pinch.events.Topics;
import dev.pinch.events.TrainingProgress;
import dev.pinch.support.messaging.EventMessages;
import dev.pinch.trainer.config.TrainerConfig;
import dev.pinch.trainer.domain.CheckpointRecord;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunProgress;
import dev.pinch.trainer.service.RunAnnouncer;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * The events of training runs, keyed by run id, with CloudEvents headers: TrainingProgress on
 * {@code pinch.training-progress.v1} (best effort; a lost one is superseded by the next) and CheckpointReady on
 * {@code pinch.checkpoints.v1} (waits for the broker's acknowledgement).
 */
@ApplicationScoped
public class TrainingEvents implements RunAnnouncer {

    private static final Logger LOG = Logger.getLogger(TrainingEvents.class);

    private final MutinyEmitter<String> progress;
    private final MutinyEmitter<String> checkpoints;
    private final TrainerConfig config;
    private final MeterRegistry registry;

    public TrainingEvents(@Channel("progress-out") MutinyEmitter<String> progress,
            @Channel("checkpoints-out") MutinyEmitter<String> checkpoints, TrainerConfig config,
            MeterRegistry registry) {
        this.progress = progress;
        this.checkpoints = checkpoints;
        this.config = config;
        this.registry = registry;
        // Registered up front so that pinch_events_failed_total{topic} is 0, not absent, until the first failure.
        registry.counter("pinch.events.failed", "topic", Topics.TRAINING_PROGRESS);
    }

    /** Sends a TrainingProgress without waiting; a failure is logged and counted. */
    @Override
    public void progress(Run run, RunProgress p) {
        TrainingProgress event = new TrainingProgress(Events.newId(), TrainingProgress.TYPE, run.experimentId(),
                Events.now(), run.runId(), run.mixId(), p.step(), p.totalSteps(), p.epoch(), p.loss(),
                p.tokensPerSecond(), p.learningRate());
        send(progress, event).subscribe().with(ok -> { }, failure -> {
            registry.counter("pinch.events.failed", "topic", Topics.TRAINING_PROGRESS).increment();
            LOG.debugf("run %s: TrainingProgress not sent: %s", run.runId(), failure.getMessage());
        });
    }

    /**
     * The eventId of a checkpoint's announcement, derived from the checkpoint (id and sha256): announcing it again,
     * after a crash or a failed acknowledgement whose send did reach the log, repeats the same event.
     */
    static java.util.UUID eventId(CheckpointRecord c) {
        return Events.idOf(CheckpointReady.TYPE, c.checkpointId(), c.sha256());
    }

    /** Sends the CheckpointReady of a stored checkpoint and blocks until the broker acknowledges it, or throws. */
    @Override
    public void checkpointReady(Run run, CheckpointRecord c, String baseModel) {
        CheckpointReady event = new CheckpointReady(eventId(c), CheckpointReady.TYPE, run.experimentId(),
                c.createdAt() == null ? Events.now() : c.createdAt(), run.runId(), c.checkpointId(), run.mixId(), run.mix().design(), c.step(),
                c.finalCheckpoint(), c.uri(), c.sha256(), baseModel, c.device(), c.precision(),
                run.mix().evalConfig(), run.mix().seed());
        send(checkpoints, event).await().atMost(config.publishTimeout());
        registry.counter("pinch.checkpoints.announced").increment();
    }

    private Uni<Void> send(MutinyEmitter<String> emitter, PipelineEvent event) {
        return emitter.sendMessage(EventMessages.of(event, config.eventSource()));
    }
}
