package dev.pinch.support;

import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/**
 * Backpressure from a {@link WorkerPool} to the pausable incoming channel that feeds it: the channel is paused while
 * every worker has an item and resumed when one is free. A consumer so takes no more events than it can work on
 * now; the others stay in Kafka, where the consumer lag counts them (KEDA scales on it) and other replicas of the
 * consumer group take them. The channel needs {@code mp.messaging.incoming.<channel>.pausable=true}.
 */
public final class ChannelThrottle {

    private final ChannelRegistry channels;
    private final String channel;
    private final WorkerPool pool;

    private ChannelThrottle(ChannelRegistry channels, String channel, WorkerPool pool) {
        this.channels = channels;
        this.channel = channel;
        this.pool = pool;
    }

    /** A throttle that follows {@code pool}'s capacity from now on. */
    public static ChannelThrottle follow(ChannelRegistry channels, String channel, WorkerPool pool) {
        ChannelThrottle throttle = new ChannelThrottle(channels, channel, pool);
        pool.onCapacityChange(throttle::update);
        return throttle;
    }

    /** Pauses the channel when no worker is free, resumes it when one is. */
    public synchronized void update() {
        PausableChannel pausable = channels.getPausable(channel);
        if (pausable == null) {
            return;
        }
        boolean full = !pool.hasFreeWorker();
        if (full && !pausable.isPaused()) {
            pausable.pause();
        } else if (!full && pausable.isPaused()) {
            pausable.resume();
        }
    }

    /** Whether the channel is paused now. */
    public boolean paused() {
        PausableChannel pausable = channels.getPausable(channel);
        return pausable != null && pausable.isPaused();
    }
}
