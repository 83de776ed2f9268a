package dev.pinch.trainer.service;

import dev.pinch.events.Events;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunState;
import dev.pinch.trainer.messaging.CheckpointOutbox;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Picks up after a crash or a restart, in the background at start-up: runs left QUEUED are queued again; runs left
 * RUNNING go back to QUEUED (or to CANCELLED when a cancel was pending) and resume from their newest published
 * checkpoint, so their step count and loss curve continue. Checkpoints stored but never announced are announced.
 */
@ApplicationScoped
public class RunRecovery {

    private static final Logger LOG = Logger.getLogger(RunRecovery.class);

    private final RunRepository runs;
    private final RunScheduler scheduler;
    private final CheckpointOutbox outbox;
    private final AtomicBoolean done = new AtomicBoolean();

    public RunRecovery(RunRepository runs, RunScheduler scheduler, CheckpointOutbox outbox) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.outbox = outbox;
    }

    void onStart(@Observes StartupEvent event) {
        Thread.ofPlatform().name("run-recovery").daemon().start(() -> {
            try {
                recover();
            } catch (RuntimeException e) {
                LOG.error("run recovery failed", e);
            } finally {
                done.set(true);
            }
        });
    }

    /** True once the start-up recovery has finished. */
    public boolean done() {
        return done.get();
    }

    /** Re-queues every unfinished run that is not already queued or training in this process. */
    public synchronized int recover() {
        int requeued = 0;
        for (Run run : runs.all()) {
            requeued += recover(run.runId()) ? 1 : 0;
        }
        return requeued;
    }

    /**
     * Recovers one run: records checkpoints a crash left unrecorded, re-queues it when it was QUEUED or RUNNING
     * (to resume from its newest checkpoint) unless it is queued or training in this process already, and
     * announces its unannounced checkpoints. Returns whether it was re-queued.
     */
    public boolean recover(String runId) {
        if (scheduler.isScheduled(runId)) {
            return false;
        }
        try {
            outbox.reconcile(runId);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("run %s: cannot list its stored checkpoints: %s", runId, e.getMessage());
        }
        Run run = runs.find(runId).orElseThrow(() -> new RunNotFoundException(runId));
        boolean requeue = false;
        if (run.state() == RunState.RUNNING && run.cancelRequested()) {
            runs.update(runId, r -> r.moveTo(RunState.CANCELLED, Events.now()));
        } else if (run.state() == RunState.RUNNING) {
            runs.update(runId, r -> r.moveTo(RunState.QUEUED, Events.now()));
            LOG.infof("run %s was RUNNING when the service stopped; resuming it", runId);
            requeue = true;
        } else if (run.state() == RunState.QUEUED) {
            requeue = true;
        }
        outbox.announcePending(runId);
        if (requeue) {
            scheduler.submit(runId);
        }
        return requeue;
    }
}
