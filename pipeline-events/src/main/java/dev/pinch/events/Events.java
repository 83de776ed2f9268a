package dev.pinch.events;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Creates the envelope fields of new events. */
public final class Events {

    private static Clock clock = Clock.systemUTC();

    private Events() {
    }

    public static UUID newId() {
        return UUID.randomUUID();
    }

    /**
     * The id of an event that announces {@code parts} (event type first, then what identifies its content): the
     * same parts give the same id, so announcing the same thing again (an outbox retry, a restart) repeats the event
     * and consumers can drop it by eventId. Name-based (version 3) UUID over the parts joined by '/'.
     */
    public static UUID idOf(Object... parts) {
        StringBuilder name = new StringBuilder();
        for (Object part : parts) {
            name.append(name.isEmpty() ? "" : "/").append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Instant now() {
        return clock.instant();
    }
}
