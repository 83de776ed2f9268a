package dev.pinch.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.events.InvalidEventException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class EventIntakeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventIntake intake = new EventIntake("pinch.test.v1", registry, EventIntakeTest.class);
    private final List<String> outcomes = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();

    private Message<String> message(String value) {
        return Message.of(value, () -> {
            outcomes.add("ack");
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            outcomes.add("nack " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
            return CompletableFuture.completedFuture(null);
        });
    }

    private void consume(String value) {
        intake.consume(message(value), v -> {
            if (!v.startsWith("event:")) {
                throw new InvalidEventException("not an event: " + v);
            }
            return v.substring(6);
        }, v -> {
            if (v.equals("boom")) {
                throw new IllegalStateException("store down");
            }
            if (v.equals("bad")) {
                return Optional.of("bad is rejected");
            }
            accepted.add(v);
            return Optional.empty();
        });
    }

    private double deadLettered() {
        return registry.counter("pinch.dlq.messages", "topic", "pinch.test.v1").count();
    }

    @Test
    void everyFailureIsDeadLetteredWithItsReasonAndCountedAndTheNextRecordIsTaken() {
        assertThat(deadLettered()).isZero();
        consume(null);
        consume("\uFFFD\uFFFDgarbage");
        consume("event:bad");
        consume("event:boom");
        consume("event:good");
        assertThat(outcomes).containsExactly(
                "nack InvalidEventException: the record has no value (a tombstone or a null record); expected an event",
                "nack InvalidEventException: not an event: \uFFFD\uFFFDgarbage",
                "nack InvalidEventException: bad is rejected",
                "nack IllegalStateException: could not accept the record: java.lang.IllegalStateException: store down",
                "ack");
        assertThat(accepted).containsExactly("good");
        assertThat(deadLettered()).isEqualTo(4);
    }
}
