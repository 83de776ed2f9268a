package dev.pinch.support;

import java.time.Duration;
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
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * A fixed pool of worker threads that run queued work items (training runs, evaluation jobs) by id, in order, never
 * on a Kafka thread. An item is never queued twice while it is queued or running. A running item is asked to stop
 * (its {@link Work} polls the flag between steps) when it is {@linkplain #interrupt interrupted}, when
 * {@code cancelled} says so, or when the pool stops.
 */
public final class WorkerPool {

    /** Runs one item; {@code stop} turns true when it must stop at its next step. */
    @FunctionalInterface
    public interface Work {
        void run(String id, BooleanSupplier stop);
    }

    private static final Logger LOG = Logger.getLogger(WorkerPool.class);

    private final String name;
    private final int threads;
    private final Work work;
    private final Predicate<String> cancelled;
    private final ExecutorService workers;
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final Set<String> interrupted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger active = new AtomicInteger();
    private final List<Runnable> capacityListeners = new CopyOnWriteArrayList<>();

    /** {@code threads} workers named {@code <name>-N}. */
    public WorkerPool(String name, int threads, Work work, Predicate<String> cancelled) {
        this.name = name;
        this.threads = threads;
        this.work = work;
        this.cancelled = cancelled;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().name(name + "-" + n.incrementAndGet()).daemon().unstarted(r));
    }

    /** Queues an item; one already queued or running here is not queued twice, and nothing is queued once stopping. */
    public void submit(String id) {
        if (stopping.get() || !scheduled.add(id)) {
            return;
        }
        workers.execute(() -> {
            active.incrementAndGet();
            try {
                work.run(id, () -> stopping.get() || interrupted.contains(id) || cancelled.test(id));
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: %s failed", name, id);
            } finally {
                active.decrementAndGet();
                interrupted.remove(id);
                scheduled.remove(id);
                capacityChanged();
            }
        });
        capacityChanged();
    }

    /**
     * Stops an item at its next step without changing its state, as a crash would; an item not queued yet stops at
     * its first step once it runs. The interrupt is cleared when the item leaves its worker. For tests and operators.
     */
    public void interrupt(String id) {
        interrupted.add(id);
    }

    /** Whether the item is queued or running here. */
    public boolean isScheduled(String id) {
        return scheduled.contains(id);
    }

    /** Items running right now. */
    public int active() {
        return active.get();
    }

    /** Whether a worker would start another item at once: fewer items queued or running than workers. */
    public boolean hasFreeWorker() {
        return scheduled.size() < threads;
    }

    /** Whether new items are accepted (false once stopping). */
    public boolean accepting() {
        return !stopping.get() && !workers.isShutdown();
    }

    /** Calls {@code listener} after each item is queued and after each item leaves its worker. */
    public void onCapacityChange(Runnable listener) {
        capacityListeners.add(listener);
    }

    /** Asks running items to stop and waits up to {@code grace} for them; the rest resume at the next start. */
    public void stop(Duration grace) {
        stopping.set(true);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s: work did not stop within the shutdown grace; it resumes at the next start", name);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void capacityChanged() {
        for (Runnable listener : capacityListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s: capacity listener failed", name);
            }
        }
    }
}
