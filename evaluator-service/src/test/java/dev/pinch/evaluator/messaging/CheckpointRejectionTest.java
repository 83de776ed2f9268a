package dev.pinch.evaluator.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.broker.KafkaTestClient;
import dev.pinch.evaluator.EvalTestData;
import dev.pinch.evaluator.FreshStoreTestResource;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.EventCodec;
import dev.pinch.events.Topics;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real broker: checkpoints that cannot be evaluated go to the DLQ with the reason; no job is recorded. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshStoreTestResource.class)
class CheckpointRejectionTest {

    @Inject
    ArtifactStore store;

    @BeforeEach
    void corpus() throws Exception {
        EvalTestData.writeCorpus(store);
    }

    static String reason(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    /** Sends {@code value} keyed {@code key} and returns the reason of its DLQ record. */
    static String deadLettered(String key, String value) throws Exception {
        KafkaTestClient.send(Topics.CHECKPOINTS, key, value);
        ConsumerRecord<String, String> dead = KafkaTestClient.await(Topics.dlq(Topics.CHECKPOINTS),
                r -> key.equals(r.key()), 1, Duration.ofSeconds(60)).get(0);
        assertThat(dead.value()).isEqualTo(value);
        return reason(dead);
    }

    CheckpointReady checkpoint(String exp, String mix, Map<String, Object> eval, boolean wrongSha) throws Exception {
        Artifact a = EvalTestData.storeCheckpoint(store, exp + "." + mix + ".abc123", 11);
        return EvalTestData.checkpointReady(exp, mix, EvalTestData.design("monolingual", "en"), a,
                wrongSha ? "d".repeat(64) : a.sha256(), true, eval);
    }

    @Test
    void malformedEventsAreDeadLettered() throws Exception {
        String exp = EvalTestData.newExperimentId();
        assertThat(deadLettered(exp + ".json", "{not json")).contains("malformed CheckpointReady JSON");
        CheckpointReady c = checkpoint(exp, "mono-en", EvalTestData.evalConfig(), false);
        assertThat(deadLettered(exp + ".type", EventCodec.encode(c).replace(CheckpointReady.TYPE, "dev.pinch.other.v1")))
                .contains("eventType must be " + CheckpointReady.TYPE);
        assertThat(deadLettered(exp + ".id", EventCodec.encode(c).replace(c.checkpointId(), "")))
                .contains("checkpointId is required");
        assertThat(deadLettered(exp + ".step", EventCodec.encode(c).replace("\"step\":" + c.step(), "\"step\":-5")))
                .contains("step must be 0 or more, was -5");
        given().queryParam("experimentId", exp).get("/evaluations").then().statusCode(200).body("size()",
                org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aMissingCheckpointDirectoryOrAWrongSha256IsDeadLettered() throws Exception {
        String exp = EvalTestData.newExperimentId();
        CheckpointReady wrongSha = checkpoint(exp, "mono-en", EvalTestData.evalConfig(), true);
        assertThat(deadLettered(wrongSha.runId(), EventCodec.encode(wrongSha)))
                .contains("but the CheckpointReady event announced " + "d".repeat(64));

        String missingUri = store.uri("checkpoints/" + exp + ".gone/step-000004").toString();
        CheckpointReady missing = EvalTestData.checkpointReady(exp, "mono-fi", EvalTestData.design("monolingual", "fi"),
                new Artifact("x", java.net.URI.create(missingUri), "e".repeat(64), 0), "e".repeat(64), true,
                EvalTestData.evalConfig());
        assertThat(deadLettered(missing.runId(), EventCodec.encode(missing)))
                .contains("checkpoint directory " + missingUri + " does not exist in the artifact store");
        given().queryParam("experimentId", exp).get("/evaluations").then().statusCode(200).body("size()",
                org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void anUnusableEvalConfigIsDeadLetteredNamingTheField() throws Exception {
        String exp = EvalTestData.newExperimentId();
        Map<String, Object> eval = new LinkedHashMap<>(EvalTestData.evalConfig());
        eval.put("languages", List.of("en", "xx"));
        CheckpointReady c = checkpoint(exp, "mono-en", eval, false);
        assertThat(deadLettered(c.runId(), EventCodec.encode(c))).contains("eval.languages[1]")
                .contains("'xx' has no prompts in the eval set");

        eval = new LinkedHashMap<>(EvalTestData.evalConfig());
        eval.put("judge", Map.of("type", "llm", "name", "qwen", "baseUrl", "http://127.0.0.1:18999/v1"));
        CheckpointReady llm = checkpoint(exp, "mono-sw", eval, false);
        assertThat(deadLettered(llm.runId(), EventCodec.encode(llm)))
                .contains("eval.judge.baseUrl: is not accepted in an experiment").doesNotContain("18999");

        eval = new LinkedHashMap<>(EvalTestData.evalConfig());
        eval.put("judge", Map.of("type", "llm", "name", "unconfigured"));
        CheckpointReady unknown = checkpoint(exp, "mono-es", eval, false);
        assertThat(deadLettered(unknown.runId(), EventCodec.encode(unknown)))
                .contains("eval.judge.name: no judge named 'unconfigured' is configured on the evaluator");

        eval = new LinkedHashMap<>(EvalTestData.evalConfig());
        eval.put("maxNewTokens", "many");
        CheckpointReady tokens = checkpoint(exp, "mono-fi", eval, false);
        assertThat(deadLettered(tokens.runId(), EventCodec.encode(tokens)))
                .contains("eval.maxNewTokens: must be an integer");
    }

    @Test
    void aForgedCheckpointOfAnUnknownExperimentIsDeadLetteredAndCostsNoEvaluation() throws Exception {
        String known = EvalTestData.newExperimentId();
        Artifact real = EvalTestData.storeCheckpoint(store, known + ".mono-en.abc123", 41);
        String unknown = EvalTestData.newExperimentId();
        CheckpointReady forged = EvalTestData.checkpointReady(unknown, "mono-en", EvalTestData.design("monolingual", "en"),
                real, real.sha256(), true, EvalTestData.evalConfig());
        assertThat(deadLettered(forged.runId(), EventCodec.encode(forged)))
                .contains("experiment " + unknown + " is not in the artifact store");
        given().queryParam("experimentId", unknown).get("/evaluations").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void recordsWithoutAValueOrWithUndecodableBytesAreDeadLetteredAndTheChannelStaysUp() throws Exception {
        String exp = EvalTestData.newExperimentId();
        KafkaTestClient.sendBytes(Topics.CHECKPOINTS, exp + ".null", null);
        KafkaTestClient.sendBytes(Topics.CHECKPOINTS, exp + ".bytes", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00});
        assertThat(reason(KafkaTestClient.await(Topics.dlq(Topics.CHECKPOINTS), r -> (exp + ".null").equals(r.key()), 1,
                Duration.ofSeconds(60)).get(0))).contains("the record has no value");
        assertThat(reason(KafkaTestClient.await(Topics.dlq(Topics.CHECKPOINTS), r -> (exp + ".bytes").equals(r.key()), 1,
                Duration.ofSeconds(60)).get(0))).isNotBlank();
        CheckpointReady after = checkpoint(exp, "mono-en", EvalTestData.evalConfig(), true);
        assertThat(deadLettered(after.runId(), EventCodec.encode(after))).contains("but the CheckpointReady event announced");
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
