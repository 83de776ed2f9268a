package dev.pinch.trainer.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.broker.KafkaTestClient;
import dev.pinch.events.EventCodec;
import dev.pinch.events.MixReady;
import dev.pinch.events.Topics;
import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import dev.pinch.trainer.FreshRunsTestResource;
import dev.pinch.trainer.TestData;
import dev.pinch.trainer.domain.RunIds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Against the real broker: mixes that cannot train are FAILED runs and DLQ records; malformed events go to the DLQ. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshRunsTestResource.class)
class MixRejectionTest {

    @Inject
    ArtifactStore store;

    static String reason(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    static ConsumerRecord<String, String> deadLetter(String key) {
        return KafkaTestClient.await(Topics.dlq(Topics.MIXES), r -> key.equals(r.key()), 1, Duration.ofSeconds(30))
                .get(0);
    }

    /** Sends the mix, waits for its DLQ record, and checks its run is FAILED with a reason containing {@code text}. */
    void rejected(MixReady mix, String runId, String text) throws Exception {
        KafkaTestClient.send(Topics.MIXES, mix.mixId(), EventCodec.encode(mix));
        ConsumerRecord<String, String> dead = deadLetter(mix.mixId());
        assertThat(reason(dead)).contains(text);
        assertThat(dead.value()).contains(mix.mixId());
        given().get("/runs/" + runId).then().statusCode(200)
                .body("state", equalTo("FAILED"))
                .body("error", containsString(text));
    }

    static String runId(MixReady mix) {
        return RunIds.runId(mix.mixId(), TrainingSettings.from(mix.trainingConfig()).configHash());
    }

    @Test
    void aForgedOrAlteredReplayOfAMixIsDeadLetteredAndAddsNoRun() throws Exception {
        String experiment = TestData.newExperimentId();
        String mixId = experiment + ".mono-en";
        Artifact mix = TestData.writeMix(store, mixId, 20);
        MixReady announced = TestData.mixReady(experiment, mixId, mix, mix.sha256(), TestData.tinyTraining(0));
        java.util.Map<String, Object> bigger = new java.util.LinkedHashMap<>(announced.trainingConfig());
        bigger.put("maxSteps", 1_000_000_000);
        MixReady altered = new MixReady(announced.eventId(), announced.eventType(), experiment, announced.timestamp(),
                mixId, announced.design(), announced.counts(), announced.exampleCount(), announced.corpus(),
                announced.artifactUri(), announced.sha256(), bigger, announced.evalConfig(), null);
        KafkaTestClient.send(Topics.MIXES, mixId, EventCodec.encode(altered));
        assertThat(reason(deadLetter(mixId))).contains("mix " + mixId + " does not match the stored experiment "
                + experiment + ": another training config");

        String unknown = TestData.newExperimentId();
        MixReady forged = new MixReady(announced.eventId(), announced.eventType(), unknown, announced.timestamp(),
                unknown + ".mono-en", announced.design(), announced.counts(), announced.exampleCount(),
                announced.corpus(), announced.artifactUri(), announced.sha256(), announced.trainingConfig(),
                announced.evalConfig(), null);
        KafkaTestClient.send(Topics.MIXES, forged.mixId(), EventCodec.encode(forged));
        assertThat(reason(deadLetter(forged.mixId()))).contains("experiment " + unknown
                + " is not in the artifact store");
        given().queryParam("experimentId", experiment).get("/runs").then().statusCode(200).body("size()", equalTo(0));
        given().queryParam("experimentId", unknown).get("/runs").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aMixWithTheWrongSha256FailsItsRunAndIsDeadLettered() throws Exception {
        String experiment = TestData.newExperimentId();
        Artifact mix = TestData.writeMix(store, experiment + ".mono-en", 20);
        MixReady event = TestData.mixReady(experiment, experiment + ".mono-en", mix, "b".repeat(64),
                TestData.tinyTraining(4));
        rejected(event, runId(event), "but the MixReady event announced " + "b".repeat(64));
        given().get("/runs/" + runId(event)).then().body("error", containsString(mix.sha256()));
    }

    @Test
    void aMixWhoseArtifactIsMissingFailsItsRun() throws Exception {
        String experiment = TestData.newExperimentId();
        String mixId = experiment + ".mono-sw";
        Artifact absent = new Artifact("mixes/" + mixId + ".jsonl", store.uri("mixes/" + mixId + ".jsonl"),
                "c".repeat(64), 0);
        MixReady event = TestData.mixReady(experiment, mixId, absent, absent.sha256(), TestData.tinyTraining(4));
        rejected(event, runId(event), "does not exist in the artifact store");
    }

    @Test
    void anInvalidTrainingConfigFailsItsRunNamingTheField() throws Exception {
        String experiment = TestData.newExperimentId();
        String mixId = experiment + ".mono-fi";
        Artifact mix = TestData.writeMix(store, mixId, 20);
        Map<String, Object> training = Map.of("batchSize", 0);
        MixReady event = TestData.mixReady(experiment, mixId, mix, mix.sha256(), training);
        rejected(event, RunIds.runId(mixId, RunIds.rawConfigHash(training)), "training.batchSize: must be >= 1");
    }

    @Test
    void eachSeedOfAMixIsItsOwnRunWhoseIdCarriesTheSeed() throws Exception {
        String experiment = TestData.newExperimentId();
        String mixId = experiment + ".mono-it";
        Artifact mix = TestData.writeMix(store, mixId, 20);
        MixReady plain = TestData.mixReady(experiment, mixId, mix, "d".repeat(64), TestData.tinyTraining(4));
        for (long seed : new long[] {1, 2}) {
            MixReady seeded = new MixReady(plain.eventId(), plain.eventType(), plain.experimentId(), plain.timestamp(),
                    plain.mixId(), plain.design(), plain.counts(), plain.exampleCount(), plain.corpus(),
                    plain.artifactUri(), plain.sha256(), plain.trainingConfig(), plain.evalConfig(), seed);
            String runId = RunIds.runId(mixId, TrainingSettings.from(
                    dev.pinch.trainer.service.MixIntake.trainingConfig(seeded)).configHash(), seed);
            assertThat(runId).startsWith(mixId + ".seed" + seed + ".");
            KafkaTestClient.send(Topics.MIXES, mixId, EventCodec.encode(seeded));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/runs/" + runId).then().statusCode(200).body("state", equalTo("FAILED"))
                            .body("seed", equalTo((int) seed)));
        }
        given().queryParam("experimentId", experiment).get("/runs").then().statusCode(200)
                .body("size()", equalTo(2)).body("seed", org.hamcrest.Matchers.hasItems(1, 2));
    }

    @Test
    void aMissingBaseModelDirectoryFailsItsRun() throws Exception {
        String experiment = TestData.newExperimentId();
        String mixId = experiment + ".mono-es";
        Artifact mix = TestData.writeMix(store, mixId, 20);
        MixReady event = TestData.mixReady(experiment, mixId, mix, mix.sha256(),
                Map.of("baseModel", "/nonexistent/qwen-0.5b"));
        rejected(event, runId(event), "training.baseModel: directory /nonexistent/qwen-0.5b does not exist");
    }

    @Test
    void malformedEventsAreDeadLetteredWithTheReasonAndRecordNoRun() throws Exception {
        String experiment = TestData.newExperimentId();
        KafkaTestClient.send(Topics.MIXES, experiment + ".json", "{this is not json");
        assertThat(reason(deadLetter(experiment + ".json"))).contains("malformed MixReady JSON");

        Artifact mix = TestData.writeMix(store, experiment + ".x", 20);
        MixReady wrongType = TestData.mixReady(experiment, experiment + ".type", mix, mix.sha256(), Map.of());
        KafkaTestClient.send(Topics.MIXES, experiment + ".type",
                EventCodec.encode(wrongType).replace(MixReady.TYPE, "dev.pinch.other.v1"));
        assertThat(reason(deadLetter(experiment + ".type"))).contains("eventType must be " + MixReady.TYPE);

        given().queryParam("experimentId", experiment).get("/runs").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void recordsWithoutAValueOrWithUndecodableBytesAreDeadLetteredAndTheChannelStaysUp() throws Exception {
        String experiment = TestData.newExperimentId();
        KafkaTestClient.sendBytes(Topics.MIXES, experiment + ".null", null);
        KafkaTestClient.sendBytes(Topics.MIXES, experiment + ".bytes", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
        assertThat(reason(deadLetter(experiment + ".null"))).contains("the record has no value");
        assertThat(reason(deadLetter(experiment + ".bytes"))).isNotBlank();
        Artifact mix = TestData.writeMix(store, experiment + ".mono-en", 20);
        MixReady after = TestData.mixReady(experiment, experiment + ".mono-en", mix, "b".repeat(64),
                TestData.tinyTraining(4));
        rejected(after, runId(after), "but the MixReady event announced");
        given().get("/q/health/live").then().statusCode(200);
    }
}
