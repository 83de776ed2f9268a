package dev.pinch.trainer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.trainer.domain.CheckpointRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainingEventsTest {

    static CheckpointRecord checkpoint(String id, String sha256) {
        return new CheckpointRecord(id, "checkpoints/" + id, 40, true, "file:///c/" + id, sha256, "cpu()", "fp32",
                Instant.parse("2026-12-02T10:00:00Z"), false);
    }

    @Test
    void aCheckpointAnnouncedAgainKeepsItsEventId() {
        CheckpointRecord c = checkpoint("exp.mono-en.abc.step-000040", "a".repeat(64));
        assertThat(TrainingEvents.eventId(c)).isEqualTo(TrainingEvents.eventId(c.asAnnounced()));
        assertThat(TrainingEvents.eventId(c))
                .isNotEqualTo(TrainingEvents.eventId(checkpoint("exp.mono-en.abc.step-000020", "a".repeat(64))))
                .isNotEqualTo(TrainingEvents.eventId(checkpoint(c.checkpointId(), "b".repeat(64))));
    }
}
