package dev.pinch.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventsIdTest {

    @Test
    void theSameAnnouncementGetsTheSameIdAndAnyOtherPartAnotherOne() {
        assertThat(Events.idOf("t", "exp.mono-en", 1L, "abc")).isEqualTo(Events.idOf("t", "exp.mono-en", 1L, "abc"));
        assertThat(Events.idOf("t", "exp.mono-en", 1L, "abc")).isNotEqualTo(Events.idOf("t", "exp.mono-en", 2L, "abc"))
                .isNotEqualTo(Events.idOf("t", "exp.mono-en", null, "abc"))
                .isNotEqualTo(Events.idOf("u", "exp.mono-en", 1L, "abc"));
        assertThat(Events.idOf("t", "x").version()).as("name-based").isEqualTo(3);
    }
}
