package dev.pinch.support.messaging;

import dev.pinch.events.InvalidEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The one consume skeleton of every Kafka consumer: decode, accept, ack; or dead-letter with a reason. A record
 * without a value (a tombstone), one that does not decode, one the service rejects and one whose acceptance fails
 * unexpectedly are all nacked with the reason (the channel's {@code dead-letter-queue} failure strategy sends them
 * to {@code <topic>.dlq} with a {@code dead-letter-reason} header), logged, and counted in
 * {@code pinch_dlq_messages_total{topic}}; the channel stays up.
 */
public final class EventIntake {

    private final String topic;
    private final Counter deadLettered;
    private final Logger log;

    /** The intake of {@code topic}; registers its dead-letter counter at once, so it is 0 rather than absent. */
    public EventIntake(String topic, MeterRegistry registry, Class<?> consumer) {
        this.topic = topic;
        this.deadLettered = registry.counter("pinch.dlq.messages", "topic", topic);
        this.log = Logger.getLogger(consumer);
    }

    /**
     * Decodes the message's value and hands it to {@code accept}, which returns the reason it was rejected, or empty
     * when it was taken.
     *
     * @param decode turns the value into the record's type; throws (e.g. {@link InvalidEventException}) with the
     *               reason when it cannot, which is always the record's fault
     */
    public <T> CompletionStage<Void> consume(Message<String> message, Function<String, T> decode,
            Function<T, Optional<String>> accept) {
        String value = message.getPayload();
        if (value == null) {
            return deadLetter(message, "the record has no value (a tombstone or a null record); expected an event");
        }
        T decoded;
        try {
            decoded = decode.apply(value);
        } catch (RuntimeException e) {
            return deadLetter(message, e.getMessage() == null ? "the value does not decode: " + e : e.getMessage());
        }
        try {
            Optional<String> rejected = accept.apply(decoded);
            return rejected.isPresent() ? deadLetter(message, rejected.get()) : message.ack();
        } catch (InvalidEventException e) {
            return deadLetter(message, e.getMessage());
        } catch (RuntimeException e) {
            // Not the record's fault (e.g. the store failed): dead-lettered with the reason, so it can be replayed.
            log.errorf(e, "a record of %s could not be accepted", topic);
            deadLettered.increment();
            return message.nack(new IllegalStateException("could not accept the record: " + e, e));
        }
    }

    private CompletionStage<Void> deadLetter(Message<String> message, String reason) {
        log.warnf("record of %s rejected: %s", topic, reason);
        deadLettered.increment();
        return message.nack(new InvalidEventException(reason));
    }
}
