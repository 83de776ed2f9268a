package dev.pinch.evaluator.messaging;

import dev.pinch.evaluator.service.CheckpointIntake;
import dev.pinch.evaluator.service.EvaluatorMetrics;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.EventCodec;
import dev.pinch.events.InvalidEventException;
import dev.pinch.events.Topics;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes CheckpointReady from {@code pinch.checkpoints.v1}. Each message is acknowledged as soon as its evaluation
 * job is stored (QUEUED) — generation and scoring run later on a worker, so they never hold back the consumer's
 * commits. A malformed event, or a checkpoint that cannot be evaluated (missing directory, sha256 mismatch, unusable
 * eval config), goes to {@code pinch.checkpoints.v1.dlq} with the reason in the {@code dead-letter-reason} header.
 */
@ApplicationScoped
public class CheckpointConsumer {

    private static final Logger LOG = Logger.getLogger(CheckpointConsumer.class);

    private final CheckpointIntake intake;
    private final EvaluatorMetrics metrics;

    public CheckpointConsumer(CheckpointIntake intake, EvaluatorMetrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
    }

    @Incoming("checkpoints-in")
    @Blocking
    public CompletionStage<Void> onCheckpoint(Message<String> message) {
        try {
            CheckpointReady checkpoint = EventCodec.decode(message.getPayload(), CheckpointReady.class,
                    CheckpointReady.TYPE);
            CheckpointIntake.Result result = intake.accept(checkpoint);
            if (result.outcome() == CheckpointIntake.Outcome.REJECTED) {
                return deadLetter(message, result.reason());
            }
            return message.ack();
        } catch (InvalidEventException e) {
            return deadLetter(message, e.getMessage());
        }
    }

    private CompletionStage<Void> deadLetter(Message<String> message, String reason) {
        LOG.warnf("CheckpointReady rejected: %s", reason);
        metrics.deadLettered(Topics.CHECKPOINTS);
        return message.nack(new InvalidEventException(reason));
    }
}
