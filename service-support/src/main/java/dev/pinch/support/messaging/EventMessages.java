package dev.pinch.support.messaging;

import dev.pinch.events.CloudEventHeaders;
import dev.pinch.events.EventCodec;
import dev.pinch.events.PipelineEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The one way a service turns an event into a Kafka message: JSON value, the event's key, CloudEvents headers. */
public final class EventMessages {

    private EventMessages() {
    }

    /** {@code event} as a message keyed by {@link PipelineEvent#key()}, with CloudEvents headers naming {@code source}. */
    public static Message<String> of(PipelineEvent event, String source) {
        return Message.of(EventCodec.encode(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.key())
                        .withHeaders(CloudEventHeaders.of(event, source))
                        .build());
    }
}
