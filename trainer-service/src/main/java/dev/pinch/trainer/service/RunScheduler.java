package dev.pinch.trainer.service;

import dev.pinch.support.WorkerPool;
import dev.pinch.support.Workers;
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
 * newest checkpoint at the next start ({@link RunRecovery}). Each queued run is held under this trainer's lease
 * ({@link RunLeases}), freed when the run leaves its worker.
 */
@ApplicationScoped
public class RunScheduler extends Workers {

    @Inject
    TrainerConfig config;
    @Inject
    RunRepository runs;
    @Inject
    RunExecutor executor;
    @Inject
    RunLeases leases;

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

    /** Queues a run under this trainer's lease; a run queued or training here already is not queued twice. */
    @Override
    public void submit(String runId) {
        if (pool.accepting() && !pool.isScheduled(runId)) {
            leases.claim(runId);
        }
        pool.submit(runId);
    }
}
