package dev.pinch.evaluator.messaging;

import dev.pinch.evaluator.jobs.CheckpointIntake;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.EventCodec;
import dev.pinch.events.Topics;
import dev.pinch.support.messaging.EventIntake;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes CheckpointReady from {@code pinch.checkpoints.v1}. Each message is acknowledged as soon as its evaluation
 * job is stored (QUEUED) — generation and scoring run later on a worker, so they never hold back the consumer's
 * commits. A record without a value, a malformed event, a checkpoint that cannot be evaluated (missing directory,
 * sha256 mismatch, unusable eval config) or one whose acceptance fails goes to {@code pinch.checkpoints.v1.dlq} with
 * the reason in the {@code dead-letter-reason} header ({@link EventIntake}); the channel stays up.
 */
@Startup // created at start-up so that its dead-letter counter is on /q/metrics from the first scrape
@ApplicationScoped
public class CheckpointConsumer {

    private final CheckpointIntake intake;
    private final EventIntake events;

    public CheckpointConsumer(CheckpointIntake intake, MeterRegistry registry) {
        this.intake = intake;
        this.events = new EventIntake(Topics.CHECKPOINTS, registry, CheckpointConsumer.class);
    }

    @Incoming("checkpoints-in")
    @Blocking
    public CompletionStage<Void> onCheckpoint(Message<String> message) {
        return events.consume(message,
                json -> EventCodec.decode(json, CheckpointReady.class, CheckpointReady.TYPE), checkpoint -> {
                    CheckpointIntake.Result result = intake.accept(checkpoint);
                    return result.outcome() == CheckpointIntake.Outcome.REJECTED ? Optional.of(result.reason())
                            : Optional.empty();
                });
    }
}
