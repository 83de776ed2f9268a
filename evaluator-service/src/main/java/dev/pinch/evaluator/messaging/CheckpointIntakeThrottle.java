package dev.pinch.evaluator.messaging;

import dev.pinch.evaluator.jobs.EvaluationScheduler;
import dev.pinch.support.ChannelThrottle;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Backpressure on {@code pinch.checkpoints.v1} ({@link ChannelThrottle}): the {@code checkpoints-in} channel is
 * paused while every worker has an evaluation, so waiting checkpoints stay in Kafka, where the lag counts them and
 * KEDA scales the evaluator on it.
 */
@Startup // follows the workers from start-up, before the first checkpoint
@ApplicationScoped
public class CheckpointIntakeThrottle {

    private final ChannelThrottle throttle;

    public CheckpointIntakeThrottle(ChannelRegistry channels, EvaluationScheduler scheduler) {
        this.throttle = ChannelThrottle.follow(channels, "checkpoints-in", scheduler.pool());
    }

    /** Whether the channel is paused now. */
    public boolean paused() {
        return throttle.paused();
    }
}
