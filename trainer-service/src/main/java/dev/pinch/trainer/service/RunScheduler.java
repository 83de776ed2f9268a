package dev.pinch.trainer.service;

import dev.pinch.trainer.config.TrainerConfig;
import dev.pinch.trainer.domain.Run;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The worker pool: {@code pinch.trainer.concurrency} threads that train queued runs in order, never on a Kafka
 * thread. A run is stopped between steps when a user cancels it, when it is {@linkplain #interrupt interrupted}
 * (as a crash would, leaving it RUNNING), or when the service shuts down; in the last two cases it resumes from its
 * newest checkpoint at the next start.
 */
@ApplicationScoped
public class RunScheduler {

    private static final Logger LOG = Logger.getLogger(RunScheduler.class);

    @Inject
    TrainerConfig config;
    @Inject
    RunRepository runs;
    @Inject
    RunExecutor executor;

    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final Set<String> interrupted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger active = new AtomicInteger();
    private final List<Runnable> capacityListeners = new CopyOnWriteArrayList<>();
    private ExecutorService workers;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(config.concurrency(), config.concurrency(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().name("trainer-worker-" + n.incrementAndGet()).daemon().unstarted(r));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("trainings did not stop within the shutdown grace; they resume at the next start");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues a run for training; a run already queued or training in this process is not queued twice. */
    public void submit(String runId) {
        if (stopping.get() || !scheduled.add(runId)) {
            return;
        }
        workers.execute(() -> {
            active.incrementAndGet();
            try {
                executor.execute(runId, stopFlag(runId));
            } catch (RuntimeException e) {
                LOG.errorf(e, "run %s: worker failed", runId);
            } finally {
                active.decrementAndGet();
                interrupted.remove(runId);
                scheduled.remove(runId);
                capacityChanged();
            }
        });
        capacityChanged();
    }

    /** Whether a worker would start another run at once: fewer runs queued or training here than workers. */
    public boolean hasFreeWorker() {
        return scheduled.size() < config.concurrency();
    }

    /** Calls {@code listener} after each run is queued and after each run leaves its worker. */
    public void onCapacityChange(Runnable listener) {
        capacityListeners.add(listener);
    }

    private void capacityChanged() {
        for (Runnable listener : capacityListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "capacity listener failed");
            }
        }
    }

    /**
     * Stops a training at its next step without changing its state, as a crash would: it stays RUNNING and is
     * resumed by {@link RunRecovery}. For tests and operators.
     */
    public void interrupt(String runId) {
        interrupted.add(runId);
    }

    /** Whether the run is queued or training in this process. */
    public boolean isScheduled(String runId) {
        return scheduled.contains(runId);
    }

    /** Runs training right now. */
    public int active() {
        return active.get();
    }

    public boolean accepting() {
        return !stopping.get() && !workers.isShutdown();
    }

    /** True once the run must stop: cancelled by a user, interrupted, or the service is stopping. */
    BooleanSupplier stopFlag(String runId) {
        return () -> stopping.get() || interrupted.contains(runId)
                || runs.find(runId).map(Run::cancelRequested).orElse(false);
    }
}
