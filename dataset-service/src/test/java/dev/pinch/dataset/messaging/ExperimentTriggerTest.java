package dev.pinch.dataset.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.broker.KafkaTestClient;
import dev.pinch.dataset.api.ExperimentResourceTest;
import dev.pinch.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Experiments started from the trigger topic, and invalid triggers on its dead-letter topic. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class ExperimentTriggerTest {

    @Test
    void aSpecOnTheTriggerTopicStartsTheExperimentUnderTheRecordKey() throws Exception {
        String id = "trig-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.send(Topics.EXPERIMENTS, id,
                "{\"budget\": 60, \"designs\": [{\"type\": \"monolingual\", \"languages\": [\"he\", \"hi\"]}]}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/experiments/" + id).then().statusCode(200).body("mixes.size()", equalTo(2)));
        KafkaTestClient.await(Topics.MIXES, r -> r.key().startsWith(id + "."), 2, Duration.ofSeconds(30));
    }

    @Test
    void anInvalidSpecGoesToTheDeadLetterTopicWithItsReason() throws Exception {
        String key = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.send(Topics.EXPERIMENTS, key,
                "{\"designs\": [{\"type\": \"pinch\", \"percents\": [150]}]}");
        KafkaTestClient.send(Topics.EXPERIMENTS, key + "-json", "{this is not json");

        ConsumerRecord<String, String> dead = KafkaTestClient.await(Topics.dlq(Topics.EXPERIMENTS),
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("designs[0].percents[0]");
        assertThat(dead.value()).contains("150");

        ConsumerRecord<String, String> malformed = KafkaTestClient.await(Topics.dlq(Topics.EXPERIMENTS),
                r -> (key + "-json").equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
        assertThat(new String(malformed.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("malformed JSON");
        given().get("/experiments/" + key).then().statusCode(404);
    }

    @Test
    void badSettingsOnTheTriggerTopicAreDeadLetteredNamingEveryViolationAndNothingIsAnnounced() throws Exception {
        String key = "badset-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.send(Topics.EXPERIMENTS, key, "{\"budget\": 60, " + ExperimentResourceTest.BAD_SETTINGS
                + ", \"designs\": [{\"type\": \"monolingual\", \"languages\": [\"en\"]}]}");

        ConsumerRecord<String, String> dead = KafkaTestClient.await(Topics.dlq(Topics.EXPERIMENTS),
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains(ExperimentResourceTest.BAD_SETTINGS_FIELDS);
        given().get("/experiments/" + key).then().statusCode(404);
        assertThat(KafkaTestClient.all(Topics.MIXES, r -> r.key().startsWith(key + "."), Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void recordsWithoutAValueOrWithUndecodableBytesAreDeadLetteredAndTheChannelStaysUp() throws Exception {
        String key = "null-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.sendBytes(Topics.EXPERIMENTS, key, null);
        KafkaTestClient.sendBytes(Topics.EXPERIMENTS, key + "-bytes", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
        for (String k : new String[] {key, key + "-bytes"}) {
            ConsumerRecord<String, String> dead = KafkaTestClient.await(Topics.dlq(Topics.EXPERIMENTS),
                    r -> k.equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).contains(k.equals(key) ? "the record has no value" : "malformed JSON");
        }
        aSpecOnTheTriggerTopicStartsTheExperimentUnderTheRecordKey();
        given().get("/q/health/ready").then().statusCode(200);
    }
}
