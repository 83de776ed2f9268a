package dev.pinch.trainer.messaging;

import dev.pinch.trainer.service.RunScheduler;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Backpressure on {@code pinch.mixes.v1}: the {@code mixes-in} channel is paused while every worker has a run and
 * resumed when one is free. A replica so takes no more mixes than it can train now; the others stay in Kafka, where
 * the consumer lag counts them, KEDA scales the trainer on it, and another replica's consumer takes them: N replicas
 * (up to the topic's partitions) train N mixes at once.
 */
@Startup // listens to the workers from start-up, before the first mix
@ApplicationScoped
public class IntakeThrottle {

    static final String CHANNEL = "mixes-in";
    private static final Logger LOG = Logger.getLogger(IntakeThrottle.class);

    private final ChannelRegistry channels;
    private final RunScheduler scheduler;

    public IntakeThrottle(ChannelRegistry channels, RunScheduler scheduler) {
        this.channels = channels;
        this.scheduler = scheduler;
    }

    @PostConstruct
    void listen() {
        scheduler.onCapacityChange(this::update);
    }

    /** Pauses the channel when no worker is free, resumes it when one is. */
    synchronized void update() {
        PausableChannel channel = channels.getPausable(CHANNEL);
        if (channel == null) {
            return;
        }
        boolean full = !scheduler.hasFreeWorker();
        if (full && !channel.isPaused()) {
            channel.pause();
            LOG.debug("every worker is busy: taking no more mixes for now");
        } else if (!full && channel.isPaused()) {
            channel.resume();
            LOG.debug("a worker is free: taking mixes again");
        }
    }

    /** Whether the channel is paused now. */
    public boolean paused() {
        PausableChannel channel = channels.getPausable(CHANNEL);
        return channel != null && channel.isPaused();
    }
}
