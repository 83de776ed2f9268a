package dev.pinch.dataset.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.broker.KafkaTestClient;
import dev.pinch.events.CloudEventHeaders;
import dev.pinch.events.EventCodec;
import dev.pinch.events.MixReady;
import dev.pinch.events.Topics;
import dev.pinch.store.Sha256;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Against the real embedded broker: an accepted experiment's mixes arrive as MixReady events. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class MixReadyEventsTest {

    @Test
    void postedExperimentEmitsOneMixReadyPerMix() throws Exception {
        String id = "k-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "budget": 120, "training": {"maxSteps": 5}, "eval": {"languages": ["en", "sw"]},
                 "designs": [{"type": "pinch", "percents": [0, 100], "multilingualCounts": [40]}]}
                """.formatted(id)).post("/experiments").then().statusCode(202);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.await(Topics.MIXES,
                r -> r.key().startsWith(id + "."), 3, Duration.ofSeconds(30));

        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(id + ".pinch-p0", id + ".pinch-p100", id + ".pinch-n40");
        for (ConsumerRecord<String, String> record : records) {
            MixReady event = EventCodec.decode(record.value(), MixReady.class, MixReady.TYPE);
            assertThat(event.mixId()).isEqualTo(record.key());
            assertThat(event.experimentId()).isEqualTo(id);
            assertThat(event.exampleCount()).isEqualTo(120);
            assertThat(event.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
            assertThat(event.trainingConfig()).containsEntry("maxSteps", 5);
            assertThat(event.evalConfig()).containsKey("languages");
            assertThat(event.corpus().name()).isEqualTo("builtin");
            Path file = Path.of(URI.create(event.artifactUri()));
            assertThat(Files.exists(file)).as("artifact exists before its event").isTrue();
            assertThat(Sha256.of(file)).isEqualTo(event.sha256());

            var headers = record.headers();
            assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.SPEC_VERSION)).contains("1.0");
            assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.TYPE)).contains(MixReady.TYPE);
            assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.ID)).contains(event.eventId().toString());
            assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.SOURCE)).contains("/pinch/dataset-service");
            assertThat(CloudEventHeaders.read(headers, CloudEventHeaders.SUBJECT)).contains(id);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/experiments/" + id).then().statusCode(200)
                        .body("published", org.hamcrest.Matchers.equalTo(true)));
        MixReady n40 = records.stream().map(r -> EventCodec.decode(r.value(), MixReady.class, MixReady.TYPE))
                .filter(e -> e.mixId().endsWith("pinch-n40")).findFirst().orElseThrow();
        assertThat(n40.counts()).containsEntry("en", 80).hasSize(12);
        assertThat(n40.design().params()).containsEntry("count", "40");
    }

    @Inject
    MixPublisher publisher;

    @Inject
    dev.pinch.dataset.experiment.ExperimentRepository experiments;

    @Test
    void aRepublishedAnnouncementKeepsItsEventIdsSoConsumersCanDropIt() throws Exception {
        String id = "k-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "budget": 60, "designs": [{"type": "pinch", "percents": [0, 100], "multilingualCounts": []}]}
                """.formatted(id)).post("/experiments").then().statusCode(202);
        KafkaTestClient.await(Topics.MIXES, r -> r.key().startsWith(id + "."), 2, Duration.ofSeconds(30));

        publisher.publish(experiments.find(id).orElseThrow()); // what the outbox does after a timeout
        List<ConsumerRecord<String, String>> all = KafkaTestClient.await(Topics.MIXES,
                r -> r.key().startsWith(id + "."), 4, Duration.ofSeconds(30));

        java.util.Map<String, java.util.Set<String>> idsPerMix = new java.util.HashMap<>();
        for (ConsumerRecord<String, String> r : all) {
            MixReady e = EventCodec.decode(r.value(), MixReady.class, MixReady.TYPE);
            idsPerMix.computeIfAbsent(r.key(), k -> new java.util.HashSet<>()).add(e.eventId() + "@" + e.timestamp());
        }
        assertThat(idsPerMix).hasSize(2).allSatisfy((mix, ids) -> assertThat(ids).as(mix).hasSize(1));
    }

    @Test
    void anExperimentWithSeedsEmitsOneMixReadyPerMixAndSeed() throws Exception {
        String id = "k-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "budget": 120, "seeds": [1, 2, 3], "eval": {"languages": ["en", "sw"]},
                 "designs": [{"type": "pinch", "percents": [0, 100], "multilingualCounts": []}]}
                """.formatted(id)).post("/experiments").then().statusCode(202);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.await(Topics.MIXES,
                r -> r.key().startsWith(id + "."), 6, Duration.ofSeconds(30));

        List<String> mixAndSeed = records.stream().map(r -> EventCodec.decode(r.value(), MixReady.class, MixReady.TYPE))
                .map(e -> e.mixId() + "@" + e.seed()).toList();
        assertThat(mixAndSeed).containsExactlyInAnyOrder(id + ".pinch-p0@1", id + ".pinch-p0@2", id + ".pinch-p0@3",
                id + ".pinch-p100@1", id + ".pinch-p100@2", id + ".pinch-p100@3");
        assertThat(records).allMatch(r -> r.key().equals(
                EventCodec.decode(r.value(), MixReady.class, MixReady.TYPE).mixId()), "keyed by mix id");
    }
}
