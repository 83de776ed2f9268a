package dev.pinch.support;

/**
 * A service's worker pool as a CDI bean: subclasses create the {@link WorkerPool} at start-up and stop it on
 * shutdown; callers queue work, interrupt it and ask about it here.
 */
public abstract class Workers {

    protected WorkerPool pool;

    /** Queues an item; one already queued or running here is not queued twice. */
    public void submit(String id) {
        pool.submit(id);
    }

    /** Stops an item at its next step without changing its state, as a crash would. For tests and operators. */
    public void interrupt(String id) {
        pool.interrupt(id);
    }

    /** Whether the item is queued or running here. */
    public boolean isScheduled(String id) {
        return pool.isScheduled(id);
    }

    /** Items running right now. */
    public int active() {
        return pool.active();
    }

    /** Whether a worker would start another item at once. */
    public boolean hasFreeWorker() {
        return pool.hasFreeWorker();
    }

    /** Whether new items are accepted (false while shutting down). */
    public boolean accepting() {
        return pool.accepting();
    }

    /** The pool itself, for backpressure on the Kafka channel that feeds it ({@link ChannelThrottle}). */
    public WorkerPool pool() {
        return pool;
    }
}
