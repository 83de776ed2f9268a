package dev.pinch.trainer.messaging;

import dev.pinch.support.ChannelThrottle;
import dev.pinch.trainer.service.RunScheduler;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Backpressure on {@code pinch.mixes.v1} ({@link ChannelThrottle}): the {@code mixes-in} channel is paused while
 * every worker has a run. A replica so takes no more mixes than it can train now; the others wait in Kafka, where
 * the lag counts them, KEDA scales the trainer on it, and other replicas take them: N replicas (up to the topic's
 * partitions) train N mixes at once.
 */
@Startup // follows the workers from start-up, before the first mix
@ApplicationScoped
public class IntakeThrottle {

    private final ChannelThrottle throttle;

    public IntakeThrottle(ChannelRegistry channels, RunScheduler scheduler) {
        this.throttle = ChannelThrottle.follow(channels, "mixes-in", scheduler.pool());
    }

    /** Whether the channel is paused now. */
    public boolean paused() {
        return throttle.paused();
    }
}
