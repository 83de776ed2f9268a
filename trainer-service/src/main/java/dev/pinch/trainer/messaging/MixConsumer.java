package dev.pinch.trainer.messaging;

import dev.pinch.events.EventCodec;
import dev.pinch.events.MixReady;
import dev.pinch.events.Topics;
import dev.pinch.support.messaging.EventIntake;
import dev.pinch.trainer.service.MixIntake;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes MixReady from {@code pinch.mixes.v1}. Each message is acknowledged as soon as its run is stored
 * (QUEUED) — training happens later on a worker, so long runs never hold back the consumer's commits; the
 * {@link IntakeThrottle} pauses the channel while every worker is busy, so mixes wait in Kafka, not here. A record
 * without a value, a malformed event, or a mix that cannot train (its run is then stored FAILED with the reason),
 * goes to {@code pinch.mixes.v1.dlq} with the reason in the {@code dead-letter-reason} header ({@link EventIntake}).
 */
@Startup // created at start-up so that its dead-letter counter is on /q/metrics from the first scrape
@ApplicationScoped
public class MixConsumer {

    private final MixIntake intake;
    private final EventIntake events;

    public MixConsumer(MixIntake intake, MeterRegistry registry) {
        this.intake = intake;
        this.events = new EventIntake(Topics.MIXES, registry, MixConsumer.class);
    }

    @Incoming("mixes-in")
    @Blocking
    public CompletionStage<Void> onMix(Message<String> message) {
        return events.consume(message, json -> EventCodec.decode(json, MixReady.class, MixReady.TYPE), mix -> {
            MixIntake.Result result = intake.accept(mix);
            return result.outcome() == MixIntake.Outcome.REJECTED ? Optional.of(result.reason()) : Optional.empty();
        });
    }
}
