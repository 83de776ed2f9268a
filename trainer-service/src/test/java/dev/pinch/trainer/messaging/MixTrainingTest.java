package dev.pinch.trainer.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.broker.KafkaTestClient;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.CloudEventHeaders;
import dev.pinch.events.EventCodec;
import dev.pinch.events.Events;
import dev.pinch.events.MixReady;
import dev.pinch.events.Topics;
import dev.pinch.events.TrainingProgress;
import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import dev.pinch.trainer.FreshRunsTestResource;
import dev.pinch.trainer.TestData;
import dev.pinch.trainer.domain.RunIds;
import dev.pinch.trainer.engine.TrainerState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real broker and the real engine: a MixReady trains once and publishes loadable checkpoints. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshRunsTestResource.class)
class MixTrainingTest {

    @Inject
    ArtifactStore store;
    @Inject
    IntakeThrottle throttle;

    @BeforeEach
    void builtinCorpus() throws Exception {
        TestData.writeBuiltinCorpus(store);
    }

    @Test
    void aMixReadyProducesCheckpointsAndARedeliveryTrainsNothing() throws Exception {
        String experiment = TestData.newExperimentId();
        String mixId = experiment + ".pinch-p10";
        Artifact mix = TestData.writeMix(store, mixId, 30);
        MixReady event = TestData.mixReady(experiment, mixId, mix, mix.sha256(), TestData.tinyTraining(4));
        String runId = RunIds.runId(mixId, TrainingSettings.from(event.trainingConfig()).configHash());
        KafkaTestClient.send(Topics.MIXES, mixId, EventCodec.encode(event));

        List<CheckpointReady> checkpoints = KafkaTestClient.await(Topics.CHECKPOINTS, r -> runId.equals(r.key()), 2,
                Duration.ofMinutes(8)).stream().map(MixTrainingTest::checkpoint)
                .sorted(Comparator.comparingLong(CheckpointReady::step)).toList();
        assertThat(checkpoints).extracting(CheckpointReady::step).containsExactly(2L, 4L);
        assertThat(checkpoints).extracting(CheckpointReady::finalCheckpoint).containsExactly(false, true);
        for (CheckpointReady c : checkpoints) {
            assertLoadable(c, event);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/runs/" + runId).then()
                .statusCode(200).body("state", equalTo("DONE")));
        given().get("/runs/" + runId).then()
                .body("progress.step", equalTo(4))
                .body("progress.totalSteps", equalTo(4))
                .body("lossCurve.step", equalTo(List.of(1, 2, 3, 4)))
                .body("checkpoints.announced", equalTo(List.of(true, true)))
                .body("attempts", equalTo(1));
        List<TrainingProgress> progress = KafkaTestClient.await(Topics.TRAINING_PROGRESS,
                r -> runId.equals(r.key()), 4, Duration.ofSeconds(30)).stream()
                .map(r -> EventCodec.decode(r.value(), TrainingProgress.class, TrainingProgress.TYPE)).toList();
        assertThat(progress).extracting(TrainingProgress::step).contains(1L, 2L, 3L, 4L);
        assertThat(progress).allSatisfy(p -> assertThat(p.loss()).isFinite().isPositive());

        // Redelivery (a new event id, same mix and config), then a marker on the same partition: once the marker
        // is dead-lettered, the redelivery has been consumed.
        MixReady again = new MixReady(Events.newId(), event.eventType(), event.experimentId(), Events.now(),
                event.mixId(), event.design(), event.counts(), event.exampleCount(), event.corpus(),
                event.artifactUri(), event.sha256(), event.trainingConfig(), event.evalConfig(), event.seed());
        KafkaTestClient.send(Topics.MIXES, mixId, EventCodec.encode(again));
        KafkaTestClient.send(Topics.MIXES, mixId, "not json: marker");
        KafkaTestClient.await(Topics.dlq(Topics.MIXES), r -> mixId.equals(r.key()), 1, Duration.ofSeconds(30));
        given().queryParam("experimentId", experiment).get("/runs").then().body("", hasSize(1))
                .body("[0].state", equalTo("DONE"));
        assertThat(KafkaTestClient.all(Topics.CHECKPOINTS, r -> runId.equals(r.key()), Duration.ofSeconds(3)))
                .hasSize(2);
        given().post("/runs/" + runId + "/checkpoints/4/merged").then().statusCode(409)
                .contentType("application/problem+json").body("violations[0].field", equalTo("step"));
    }

    /** A LoRA run's adapter checkpoint merges into a full Hugging Face checkpoint of its base, once. */
    @Test
    void aLoraCheckpointMergesIntoAFullCheckpointOfItsBase() throws Exception {
        String experiment = TestData.newExperimentId();
        String mixId = experiment + ".lora";
        Artifact mix = TestData.writeMix(store, mixId, 30);
        java.util.Map<String, Object> training = TestData.tinyTraining(2);
        training.put("lora", java.util.Map.of("rank", 2, "alpha", 4, "targetModules", List.of("q_proj", "v_proj")));
        MixReady event = TestData.mixReady(experiment, mixId, mix, mix.sha256(), training);
        String runId = RunIds.runId(mixId, TrainingSettings.from(event.trainingConfig()).configHash());
        KafkaTestClient.send(Topics.MIXES, mixId, EventCodec.encode(event));
        CheckpointReady c = checkpoint(KafkaTestClient.await(Topics.CHECKPOINTS, r -> runId.equals(r.key()), 1,
                Duration.ofMinutes(8)).getFirst());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/runs/" + runId).then()
                .statusCode(200).body("state", equalTo("DONE")));

        String uri = given().post("/runs/" + runId + "/checkpoints/2/merged").then().statusCode(201)
                .body("key", equalTo("merged/" + runId + "/step-000002"))
                .body("baseModel", equalTo(c.baseModel())).extract().path("uri");
        Path merged = Path.of(URI.create(uri));
        for (String file : List.of("config.json", "model.safetensors", "tokenizer.json")) {
            assertThat(merged.resolve(file)).as(file).isRegularFile();
        }
        Path base = store.localPath(store.find("models/" + c.baseModel()).orElseThrow().uri());
        var before = dev.pinch.lm.Safetensors.read(base.resolve("model.safetensors"));
        var after = dev.pinch.lm.Safetensors.read(merged.resolve("model.safetensors"));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(values(after.get("model.layers.0.self_attn.q_proj.weight")))
                .as("an adapted projection moved").isNotEqualTo(values(before.get("model.layers.0.self_attn.q_proj.weight")));
        assertThat(values(after.get("model.layers.0.self_attn.k_proj.weight")))
                .as("a projection without adapter did not").isEqualTo(values(before.get("model.layers.0.self_attn.k_proj.weight")));

        given().post("/runs/" + runId + "/checkpoints/2/merged").then().statusCode(200).body("uri", equalTo(uri));
        given().post("/runs/" + runId + "/checkpoints/3/merged").then().statusCode(404)
                .body("violations[0].field", equalTo("step"));
        given().post("/runs/" + runId + "/checkpoints/two/merged").then().statusCode(400)
                .body("violations[0].field", equalTo("step"));
        given().post("/runs/no-such-run/checkpoints/2/merged").then().statusCode(404);
    }

    private static float[] values(dev.pinch.lm.Safetensors.Tensor t) {
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            return t.toNDArray(m, ai.djl.ndarray.types.DataType.FLOAT32).toFloatArray();
        }
    }

    @Test
    void aBusyWorkerLeavesTheNextMixInKafkaAndCancellingStopsARunningRunAtItsNextStep() throws Exception {
        String experiment = TestData.newExperimentId();
        Artifact mix = TestData.writeMix(store, experiment + ".long", 30);
        MixReady running = TestData.mixReady(experiment, experiment + ".long", mix, mix.sha256(),
                TestData.tinyTraining(100_000));
        MixReady next = TestData.mixReady(experiment, experiment + ".next", mix, mix.sha256(),
                TestData.tinyTraining(100_000));
        String runningId = RunIds.runId(running.mixId(), TrainingSettings.from(running.trainingConfig()).configHash());
        String nextId = RunIds.runId(next.mixId(), TrainingSettings.from(next.trainingConfig()).configHash());
        KafkaTestClient.send(Topics.MIXES, running.mixId(), EventCodec.encode(running));
        await().atMost(Duration.ofMinutes(8)).untilAsserted(() -> given().get("/runs/" + runningId).then()
                .statusCode(200).body("state", equalTo("RUNNING")).body("progress.step", greaterThan(0)));
        assertThat(throttle.paused()).as("the only worker is busy: the channel is paused").isTrue();

        // The next mix stays in Kafka (no run is recorded for it) while the only worker trains.
        KafkaTestClient.send(Topics.MIXES, next.mixId(), EventCodec.encode(next));
        for (int i = 0; i < 5; i++) {
            Thread.sleep(1000);
            given().get("/runs/" + nextId).then().statusCode(404);
        }

        given().post("/runs/" + runningId + "/cancel").then().statusCode(202).body("cancelRequested", equalTo(true));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/runs/" + runningId).then()
                .body("state", equalTo("CANCELLED")));
        CheckpointReady last = KafkaTestClient.await(Topics.CHECKPOINTS, r -> runningId.equals(r.key()), 1,
                Duration.ofSeconds(30)).stream().map(MixTrainingTest::checkpoint)
                .max(Comparator.comparingLong(CheckpointReady::step)).orElseThrow();
        assertThat(last.finalCheckpoint()).as("the checkpoint a cancel leaves is not final").isFalse();
        given().post("/runs/" + runningId + "/cancel").then().statusCode(200);

        // The worker is free again: the waiting mix is taken and trains.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/runs/" + nextId).then()
                .statusCode(200).body("state", equalTo("RUNNING")));
        given().post("/runs/" + nextId + "/cancel").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/runs/" + nextId).then()
                .body("state", equalTo("CANCELLED")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !throttle.paused());
    }

    static CheckpointReady checkpoint(ConsumerRecord<String, String> record) {
        assertThat(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE)).contains(CheckpointReady.TYPE);
        assertThat(CloudEventHeaders.read(record.headers(), CloudEventHeaders.SOURCE))
                .contains("/pinch/trainer-service");
        return EventCodec.decode(record.value(), CheckpointReady.class, CheckpointReady.TYPE);
    }

    void assertLoadable(CheckpointReady c, MixReady mix) throws Exception {
        Path dir = Path.of(URI.create(c.uri()));
        for (String file : List.of("config.json", "model.safetensors", "tokenizer.json", TrainerState.FILE)) {
            assertThat(dir.resolve(file)).as(file).isRegularFile();
        }
        assertThat(store.sha256(URI.create(c.uri()))).isEqualTo(c.sha256());
        assertThat(c.checkpointId()).isEqualTo(RunIds.checkpointId(c.runId(), c.step()));
        assertThat(c.mixId()).isEqualTo(mix.mixId());
        assertThat(c.experimentId()).isEqualTo(mix.experimentId());
        assertThat(c.design()).isEqualTo(mix.design());
        assertThat(c.evalConfig()).isEqualTo(mix.evalConfig());
        assertThat(c.baseModel()).startsWith("builtin");
        assertThat(c.device()).isNotBlank();
        assertThat(c.precision()).isEqualTo("fp32");
        TrainerState state = TrainerState.read(dir);
        assertThat(state.step()).isEqualTo(c.step());
        assertThat(state.mixId()).isEqualTo(mix.mixId());
        assertThat(state.mixSha256()).isEqualTo(mix.sha256());
        assertThat(Files.readString(dir.resolve("config.json"))).contains("LlamaForCausalLM");
    }
}
