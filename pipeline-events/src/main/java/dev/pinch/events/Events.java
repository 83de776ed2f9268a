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

    public static Instant now() {
        return clock.instant();
    }
}
