package dev.pinch.evaluator.service;

import dev.pinch.evaluator.config.EvaluatorConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The worker pool: {@code pinch.evaluator.concurrency} threads that run queued evaluations in order, never on a
 * Kafka thread. A generation stops between batches when it is {@linkplain #interrupt interrupted} (as a crash would)
 * or the service shuts down; it stays GENERATING and resumes from its stored responses at the next start.
 */
@ApplicationScoped
public class EvaluationScheduler {

    private static final Logger LOG = Logger.getLogger(EvaluationScheduler.class);

    private final EvaluatorConfig config;
    private final EvaluationRunner runner;
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final Set<String> interrupted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger active = new AtomicInteger();
    private ExecutorService workers;

    public EvaluationScheduler(EvaluatorConfig config, EvaluationRunner runner) {
        this.config = config;
        this.runner = runner;
    }

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(config.concurrency(), config.concurrency(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().name("evaluator-worker-" + n.incrementAndGet()).daemon().unstarted(r));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("evaluations did not stop within the shutdown grace; they resume at the next start");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues a job; a job already queued or running in this process is not queued twice. */
    public void submit(String jobId) {
        if (stopping.get() || !scheduled.add(jobId)) {
            return;
        }
        workers.execute(() -> {
            active.incrementAndGet();
            try {
                runner.execute(jobId, stopFlag(jobId));
            } catch (RuntimeException e) {
                LOG.errorf(e, "evaluation %s: worker failed", jobId);
            } finally {
                active.decrementAndGet();
                interrupted.remove(jobId);
                scheduled.remove(jobId);
            }
        });
    }

    /** Stops a generation at its next batch without changing its state, as a crash would. For tests and operators. */
    public void interrupt(String jobId) {
        interrupted.add(jobId);
    }

    /** Whether the job is queued or running in this process. */
    public boolean isScheduled(String jobId) {
        return scheduled.contains(jobId);
    }

    /** Jobs running right now. */
    public int active() {
        return active.get();
    }

    /** Whether new jobs are accepted (false while shutting down). */
    public boolean accepting() {
        return !stopping.get() && !workers.isShutdown();
    }

    private BooleanSupplier stopFlag(String jobId) {
        return () -> stopping.get() || interrupted.contains(jobId);
    }
}
