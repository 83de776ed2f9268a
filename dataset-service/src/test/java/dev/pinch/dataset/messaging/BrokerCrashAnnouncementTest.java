package dev.pinch.dataset.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.broker.KafkaTestClient;
import dev.pinch.events.EventCodec;
import dev.pinch.events.MixReady;
import dev.pinch.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The broker goes down while an experiment's MixReady events are on their way: the outbox's wait for the
 * acknowledgements times out and it sends them again, so once the broker is back the log holds each announcement
 * more than once. Consumers can tell: every copy of a mix's announcement has the same eventId, and the
 * {@code pinch.mixes.emitted} metric counts each mix once.
 */
@QuarkusTest
@TestProfile(BrokerCrashAnnouncementTest.ShortPublishTimeout.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class BrokerCrashAnnouncementTest {

    /** The outbox gives up waiting for acknowledgements after 2 s instead of 30. */
    public static class ShortPublishTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pinch.dataset.publish-timeout", "PT2S");
        }
    }

    @Test
    void announcementsRepeatedAfterABrokerCrashKeepTheirEventIdsAndAreCountedOnce() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode()
                == 200);
        double emittedBefore = emitted();
        String id = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaBrokerTestResource.stopBroker();
        try {
            given().contentType(ContentType.JSON).body("""
                    {"id": "%s", "budget": 60, "designs": [{"type": "pinch", "percents": [0, 100],
                     "multilingualCounts": []}]}""".formatted(id)).post("/experiments").then().statusCode(202);
            Thread.sleep(8_000); // at least two sends time out: after 2 s, then again 1 s + 2 s later
        } finally {
            KafkaBrokerTestResource.restartBroker();
        }
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/experiments/" + id).then().extract().path("published").equals(true));

        List<ConsumerRecord<String, String>> all = KafkaTestClient.await(Topics.MIXES,
                r -> r.key().startsWith(id + "."), 4, Duration.ofSeconds(60));
        Map<String, Set<UUID>> eventIds = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        for (ConsumerRecord<String, String> r : all) {
            MixReady e = EventCodec.decode(r.value(), MixReady.class, MixReady.TYPE);
            eventIds.computeIfAbsent(r.key(), k -> new HashSet<>()).add(e.eventId());
            copies.merge(r.key(), 1, Integer::sum);
        }
        System.out.printf("MixReady records per mix after the broker crash: %s%n", copies);
        assertThat(copies).as("the outbox sent each announcement again").hasSize(2)
                .allSatisfy((mix, n) -> assertThat(n).as(mix).isGreaterThanOrEqualTo(2));
        assertThat(eventIds).allSatisfy((mix, ids) -> assertThat(ids).as(mix + ": one eventId").hasSize(1));
        assertThat(emitted() - emittedBefore).as("pinch.mixes.emitted counts each mix once").isEqualTo(2.0);
    }

    private static double emitted() {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("pinch_mixes_emitted_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
