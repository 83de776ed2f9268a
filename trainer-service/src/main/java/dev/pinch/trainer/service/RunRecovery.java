package dev.pinch.trainer.service;

import dev.pinch.events.Events;
import dev.pinch.trainer.config.TrainerConfig;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunState;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Picks up after a crash, a restart or a lost trainer. At start-up, in the background: runs left QUEUED are queued
 * again; runs left RUNNING go back to QUEUED (or to CANCELLED when a cancel was pending) and resume from their newest
 * published checkpoint, so their step count and loss curve continue; checkpoints stored but never announced are
 * announced. Only runs this trainer may take ({@link RunLeases}): its own, or ones whose lease is free or ran out.
 * Then every half lease period, while a worker is free, it takes over runs whose trainer is gone.
 */
@ApplicationScoped
public class RunRecovery {

    private static final Logger LOG = Logger.getLogger(RunRecovery.class);

    private final RunRepository runs;
    private final RunScheduler scheduler;
    private final CheckpointOutbox outbox;
    private final RunLeases leases;
    private final TrainerConfig config;
    private final AtomicBoolean done = new AtomicBoolean();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("run-takeover").daemon().unstarted(r));

    public RunRecovery(RunRepository runs, RunScheduler scheduler, CheckpointOutbox outbox, RunLeases leases,
            TrainerConfig config) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.leases = leases;
        this.config = config;
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
        long period = Math.max(1, config.lease().toMillis() / 2);
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        sweeper.shutdownNow();
    }

    /** True once the start-up recovery has finished. */
    public boolean done() {
        return done.get();
    }

    /** Re-queues every unfinished run this trainer may take that is not already queued or training here. */
    public synchronized int recover() {
        int requeued = 0;
        for (Run run : runs.all()) {
            requeued += recover(run.runId()) ? 1 : 0;
        }
        return requeued;
    }

    /**
     * Recovers one run this trainer may take: records checkpoints a crash left unrecorded, re-queues it when it was
     * QUEUED or RUNNING (to resume from its newest checkpoint) unless it is queued or training here already, and
     * announces its unannounced checkpoints. Returns whether it was re-queued.
     */
    public boolean recover(String runId) {
        if (scheduler.isScheduled(runId) || !leases.mayTake(runId)) {
            return false;
        }
        if (!runs.find(runId).orElseThrow(() -> new RunNotFoundException(runId)).state().terminal()) {
            try {
                outbox.reconcile(runId); // only a crash mid-run leaves a stored checkpoint unrecorded
            } catch (IOException | RuntimeException e) {
                LOG.warnf("run %s: cannot list its stored checkpoints: %s", runId, e.getMessage());
            }
        }
        Run run = runs.find(runId).orElseThrow(() -> new RunNotFoundException(runId));
        boolean requeue = false;
        if (run.state() == RunState.RUNNING && run.cancelRequested()) {
            runs.update(runId, r -> r.moveTo(RunState.CANCELLED, Events.now()));
        } else if (run.state() == RunState.RUNNING) {
            runs.update(runId, r -> r.moveTo(RunState.QUEUED, Events.now()));
            LOG.infof("run %s was RUNNING when its trainer stopped; resuming it", runId);
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

    /**
     * Takes over, one at a time while a worker is free, the unfinished runs of trainers that are gone: runs whose
     * lease is free or ran out, and runs without a lease older than one lease period. Returns how many it took.
     */
    public synchronized int sweep() throws InterruptedException {
        runs.refresh(scheduler::isScheduled);
        int taken = 0;
        for (Run run : runs.all()) {
            if (!scheduler.hasFreeWorker()) {
                break;
            }
            if (run.state().terminal() || scheduler.isScheduled(run.runId()) || !orphaned(run)) {
                continue;
            }
            if (!leases.takeOver(run.runId())) {
                continue;
            }
            if (recover(run.runId())) {
                LOG.infof("run %s: taken over from a trainer that is gone", run.runId());
                taken++;
            } else {
                leases.release(run.runId()); // settled without training (e.g. a pending cancel): nothing to hold
            }
        }
        return taken;
    }

    private boolean orphaned(Run run) {
        return leases.lease(run.runId()).map(l -> leases.expired(l) && !l.owner().equals(leases.instanceId()))
                .orElse(run.updatedAt().plus(config.lease()).isBefore(Instant.now()));
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(e, "run takeover sweep failed");
        }
    }
}
