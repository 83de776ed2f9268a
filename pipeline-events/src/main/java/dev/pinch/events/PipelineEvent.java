package dev.pinch.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Fields every Pinch event carries. They are repeated as CloudEvents headers in binary mode
 * ({@link CloudEventHeaders}) so that routers and tools can read them without parsing the payload.
 */
public interface PipelineEvent {

    /** Unique id of this event (CloudEvents {@code id}). */
    UUID eventId();

    /** Event type with its schema version, e.g. {@code dev.pinch.mix.ready.v1} (CloudEvents {@code type}). */
    String eventType();

    /** The experiment this event belongs to. */
    String experimentId();

    /** When the event was created (CloudEvents {@code time}). */
    Instant timestamp();

    /** The Kafka record key: the event's natural key (mix id, run id, checkpoint id...). */
    String key();
}
