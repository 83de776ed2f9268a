package dev.pinch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON encoding of events. Unknown fields are ignored so that a consumer keeps working when a
 * producer adds fields within the same schema version; a missing required field is caught by
 * {@link #decode} through the record's own checks.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decodes and checks the envelope fields.
     *
     * @throws InvalidEventException naming what is wrong, for the dead-letter topic
     */
    public static <T extends PipelineEvent> T decode(String json, Class<T> type, String expectedType) {
        T event;
        try {
            event = MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("malformed " + type.getSimpleName() + " JSON: " + e.getOriginalMessage());
        }
        require(event.eventId() != null, "eventId", "is required");
        require(expectedType.equals(event.eventType()), "eventType",
                "must be " + expectedType + " but was " + event.eventType());
        require(event.experimentId() != null && !event.experimentId().isBlank(), "experimentId", "is required");
        require(event.timestamp() != null, "timestamp", "is required");
        require(event.key() != null && !event.key().isBlank(), "key", "is required");
        return event;
    }

    private static void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw new InvalidEventException(field + " " + reason);
        }
    }
}
