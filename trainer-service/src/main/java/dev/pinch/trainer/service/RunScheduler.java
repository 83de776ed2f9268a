package dev.pinch.trainer.service;

import dev.pinch.support.WorkerPool;
import dev.pinch.trainer.config.TrainerConfig;
import dev.pinch.trainer.domain.Run;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The trainer's worker pool: {@code pinch.trainer.concurrency} threads that train queued runs in order, never on a
 * Kafka thread. A run is stopped between steps when a user cancels it, when it is {@linkplain #interrupt interrupted}
 * (as a crash would, leaving it RUNNING), or when the service shuts down; in the last two cases it resumes from its
 * newest checkpoint at the next start.
 */
@ApplicationScoped
public class RunScheduler {

    @Inject
    TrainerConfig config;
    @Inject
    RunRepository runs;
    @Inject
    RunExecutor executor;
    @Inject
    RunLeases leases;

    private WorkerPool pool;

    @PostConstruct
    void start() {
        pool = new WorkerPool("trainer-worker", config.concurrency(), (runId, stop) -> {
            try {
                executor.execute(runId, stop);
            } finally {
                leases.release(runId);
            }
        }, runId -> runs.find(runId).map(Run::cancelRequested).orElse(false));
    }

    void onStop(@Observes ShutdownEvent event) {
        pool.stop(config.shutdownGrace());
    }

    /**
     * Queues a run for training under this trainer's lease ({@link RunLeases}); a run already queued or training in
     * this process is not queued twice.
     */
    public void submit(String runId) {
        if (pool.accepting() && !pool.isScheduled(runId)) {
            leases.claim(runId);
        }
        pool.submit(runId);
    }

    /** Whether a worker would start another run at once. */
    public boolean hasFreeWorker() {
        return pool.hasFreeWorker();
    }

    /**
     * Stops a training at its next step without changing its state, as a crash would: it stays RUNNING and is
     * resumed by {@link RunRecovery}. For tests and operators.
     */
    public void interrupt(String runId) {
        pool.interrupt(runId);
    }

    /** Whether the run is queued or training in this process. */
    public boolean isScheduled(String runId) {
        return pool.isScheduled(runId);
    }

    /** Runs training right now. */
    public int active() {
        return pool.active();
    }

    public boolean accepting() {
        return pool.accepting();
    }

    /** The pool itself, for backpressure on the Kafka channel that feeds it. */
    public WorkerPool pool() {
        return pool;
    }
}
