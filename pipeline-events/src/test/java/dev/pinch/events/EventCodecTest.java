package dev.pinch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    static MixReady mix() {
        return new MixReady(Events.newId(), MixReady.TYPE, "exp-1", Events.now(), "exp-1.pinch-p1",
                new DesignRef("pinch", "sweep", List.of("en", "fi"), Map.of("percent", "1")),
                Map.of("en", 98, "fi", 2), 100, new CorpusRef("builtin", "1", "ab"),
                "file:/tmp/x.jsonl", "cd", Map.of("lr", 0.001), Map.of(), null);
    }

    @Test
    void roundTripsAnEvent() {
        MixReady event = mix();
        String json = EventCodec.encode(event);
        assertThat(json).contains("\"timestamp\":\"20");
        assertThat(EventCodec.decode(json, MixReady.class, MixReady.TYPE)).isEqualTo(event);
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = EventCodec.encode(mix()).replaceFirst("\\{", "{\"addedLater\":1,");
        assertThat(EventCodec.decode(json, MixReady.class, MixReady.TYPE).mixId()).isEqualTo("exp-1.pinch-p1");
    }

    @Test
    void rejectsMalformedJsonAndMissingEnvelopeFieldsWithReasons() {
        assertThatThrownBy(() -> EventCodec.decode("{not json", MixReady.class, MixReady.TYPE))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("malformed MixReady JSON");
        String noId = EventCodec.encode(mix()).replaceFirst("\"eventId\":\"[^\"]+\",", "");
        assertThatThrownBy(() -> EventCodec.decode(noId, MixReady.class, MixReady.TYPE))
                .hasMessage("eventId is required");
        assertThatThrownBy(() -> EventCodec.decode(EventCodec.encode(mix()), MixReady.class, CheckpointReady.TYPE))
                .hasMessageContaining("eventType must be dev.pinch.checkpoint.ready.v1");
        String noMix = EventCodec.encode(mix()).replaceFirst("\"mixId\":\"[^\"]+\",", "");
        assertThatThrownBy(() -> EventCodec.decode(noMix, MixReady.class, MixReady.TYPE))
                .hasMessage("key is required");
    }

    @Test
    void cloudEventHeadersInBinaryMode() {
        MixReady event = mix();
        Headers headers = CloudEventHeaders.of(event, "/pinch/dataset-service");
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.SPEC_VERSION)).contains("1.0");
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.ID)).contains(event.eventId().toString());
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.TYPE)).contains(MixReady.TYPE);
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.SOURCE)).contains("/pinch/dataset-service");
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.TIME)).contains(event.timestamp().toString());
        assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.SUBJECT)).contains("exp-1");
        assertThat(CloudEventHeaders.read(headers, "missing")).isEmpty();
    }

    @Test
    void everyTopicHasADeadLetterSibling() {
        assertThat(Topics.all()).hasSize(2 * Topics.MAIN.size());
        for (Topics.TopicSpec spec : Topics.MAIN) {
            assertThat(Topics.all()).anyMatch(t -> t.name().equals(spec.name() + ".dlq"));
        }
    }
}
