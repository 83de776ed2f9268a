package dev.pinch.trainer.messaging;

import dev.pinch.events.EventCodec;
import dev.pinch.events.InvalidEventException;
import dev.pinch.events.MixReady;
import dev.pinch.events.Topics;
import dev.pinch.trainer.service.MixIntake;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes MixReady from {@code pinch.mixes.v1}. Each message is acknowledged as soon as its run is stored
 * (QUEUED) — training happens later on a worker, so long runs never hold back the consumer's commits; the
 * {@link IntakeThrottle} pauses the channel while every worker is busy, so mixes wait in Kafka, not here. A malformed
 * event, or a mix that cannot train (its run is then stored FAILED with the reason), goes to
 * {@code pinch.mixes.v1.dlq} with the reason in the {@code dead-letter-reason} header.
 */
@Startup // created at start-up so that its dead-letter counter is on /q/metrics from the first scrape
@ApplicationScoped
public class MixConsumer {

    private static final Logger LOG = Logger.getLogger(MixConsumer.class);

    private final MixIntake intake;
    private final Counter deadLettered;

    public MixConsumer(MixIntake intake, MeterRegistry registry) {
        this.intake = intake;
        // Registered up front so that pinch_dlq_messages_total{topic} is 0, not absent, until the first rejection.
        this.deadLettered = registry.counter("pinch.dlq.messages", "topic", Topics.MIXES);
    }

    @Incoming("mixes-in")
    @Blocking
    public CompletionStage<Void> onMix(Message<String> message) {
        try {
            MixReady mix = EventCodec.decode(message.getPayload(), MixReady.class, MixReady.TYPE);
            MixIntake.Result result = intake.accept(mix);
            if (result.outcome() == MixIntake.Outcome.REJECTED) {
                return deadLetter(message, result.reason());
            }
            return message.ack();
        } catch (InvalidEventException e) {
            return deadLetter(message, e.getMessage());
        } catch (RuntimeException e) {
            // Not the event's fault (e.g. the store failed while recording the run): dead-lettered with the reason,
            // counted and logged, so it can be replayed; nothing was recorded for it.
            LOG.errorf(e, "MixReady could not be accepted");
            deadLettered.increment();
            return message.nack(new IllegalStateException("could not accept the mix: " + e, e));
        }
    }

    private CompletionStage<Void> deadLetter(Message<String> message, String reason) {
        LOG.warnf("MixReady rejected: %s", reason);
        deadLettered.increment();
        return message.nack(new InvalidEventException(reason));
    }
}
