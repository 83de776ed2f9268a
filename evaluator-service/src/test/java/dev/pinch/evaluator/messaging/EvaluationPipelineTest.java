package dev.pinch.evaluator.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.evaluator.EvalTestData;
import dev.pinch.evaluator.FreshStoreTestResource;
import dev.pinch.broker.KafkaTestClient;
import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.generation.ResponseLog;
import dev.pinch.evaluator.results.EvaluationRepository;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.CloudEventHeaders;
import dev.pinch.events.EvaluationReady;
import dev.pinch.events.EventCodec;
import dev.pinch.events.Topics;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import dev.pinch.lm.LlamaModel;
import dev.pinch.lm.LoraAdapter;
import dev.pinch.lm.LoraSpec;
import ai.djl.Device;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real broker, with tiny random checkpoints: CheckpointReady → responses → scores → EvaluationReady and
 * the report; SxS against the monolingual baseline whether the baseline arrives after or before the candidate.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshStoreTestResource.class)
class EvaluationPipelineTest {

    static final Duration WAIT = Duration.ofMinutes(3);

    @Inject
    ArtifactStore store;
    @Inject
    EvaluationRepository evaluations;

    @BeforeEach
    void corpus() throws Exception {
        EvalTestData.writeCorpus(store);
    }

    /** Stores a tiny checkpoint of mix {@code <experiment>.<mix>} and sends its CheckpointReady. */
    CheckpointReady send(String experiment, String mix, String type, List<String> langs, long seed) throws Exception {
        Artifact a = EvalTestData.storeCheckpoint(store, experiment + "." + mix + ".abc123", seed);
        CheckpointReady c = EvalTestData.checkpointReady(experiment, mix,
                EvalTestData.design(type, langs.toArray(String[]::new)), a, a.sha256(), true, EvalTestData.evalConfig());
        KafkaTestClient.send(Topics.CHECKPOINTS, c.runId(), EventCodec.encode(c));
        return c;
    }

    /** The same for one training seed. */
    CheckpointReady send(String experiment, String mix, String type, List<String> langs, long weights, long seed)
            throws Exception {
        Artifact a = EvalTestData.storeCheckpoint(store, experiment + "." + mix + ".seed" + seed + ".abc123", weights);
        CheckpointReady c = EvalTestData.checkpointReady(experiment, mix,
                EvalTestData.design(type, langs.toArray(String[]::new)), a, a.sha256(), true, EvalTestData.evalConfig(),
                seed);
        KafkaTestClient.send(Topics.CHECKPOINTS, c.runId(), EventCodec.encode(c));
        return c;
    }

    static List<ConsumerRecord<String, String>> records(CheckpointReady c, int count) {
        return KafkaTestClient.await(Topics.EVALUATIONS, r -> c.checkpointId().equals(r.key()), count, WAIT);
    }

    static EvaluationReady nth(CheckpointReady c, int n) {
        return EventCodec.decode(records(c, n).get(n - 1).value(), EvaluationReady.class, EvaluationReady.TYPE);
    }

    @Test
    void sxsFollowsTheMonolingualBaselineWhicheverArrivesFirst() throws Exception {
        String exp = EvalTestData.newExperimentId();

        // 1. a candidate before any baseline: scored, SxS missing everywhere
        CheckpointReady pinch = send(exp, "pinch-p50", "pinch", List.of("en", "fi"), 1);
        ConsumerRecord<String, String> first = records(pinch, 1).get(0);
        EvaluationReady p1 = EventCodec.decode(first.value(), EvaluationReady.class, EvaluationReady.TYPE);
        assertThat(CloudEventHeaders.read(first.headers(), CloudEventHeaders.TYPE)).contains(EvaluationReady.TYPE);
        assertThat(CloudEventHeaders.read(first.headers(), CloudEventHeaders.SOURCE)).contains("/pinch/evaluator-service");
        assertThat(CloudEventHeaders.read(first.headers(), CloudEventHeaders.SUBJECT)).contains(exp);
        assertThat(p1.evalSet()).isEqualTo(EvalTestData.EVAL_SET);
        assertThat(p1.judge()).isEqualTo("reference");
        assertThat(p1.scores()).containsOnlyKeys("en", "fi");
        assertThat(p1.scores().get("fi")).containsKeys("language_ok", "task", "prompts").doesNotContainKey("sxs");
        assertThat(p1.scores().get("fi").get("prompts")).isEqualTo(4.0);
        assertThat(store.readBytes(java.net.URI.create(p1.resultUri()))).isNotEmpty();

        // 2. the fi baseline arrives: it scores 50 on fi, and the waiting candidate is re-scored and re-announced
        CheckpointReady monoFi = send(exp, "mono-fi", "monolingual", List.of("fi"), 2);
        EvaluationReady m1 = nth(monoFi, 1);
        assertThat(m1.scores().get("fi")).containsEntry("sxs", 50.0);
        assertThat(m1.scores().get("en")).doesNotContainKey("sxs");
        EvaluationReady p2 = nth(pinch, 2);
        assertThat(p2.scores().get("fi").get("sxs")).isBetween(0.0, 100.0);
        assertThat(p2.scores().get("en")).doesNotContainKey("sxs");
        assertThat(p2.scores().get("fi").get("task")).isEqualTo(p1.scores().get("fi").get("task"));

        // 3. a candidate after the baseline: SxS at once
        CheckpointReady multi = send(exp, "multilingual", "multilingual", List.of("en", "fi"), 3);
        EvaluationReady u1 = nth(multi, 1);
        assertThat(u1.scores().get("fi").get("sxs")).isBetween(0.0, 100.0);

        CheckpointEvaluation stored = evaluations.find(exp, pinch.checkpointId(), EvalTestData.EVAL_SET, "reference")
                .orElseThrow();
        assertThat(stored.scores()).extracting(s -> s.baselineMixId()).containsExactly(null, exp + ".mono-fi");
        assertThat(new ResponseLog(store, exp, pinch.checkpointId(), EvalTestData.EVAL_SET).read("fi")).hasSize(4);

        given().accept("application/json").get("/experiments/" + exp + "/report").then().statusCode(200)
                .body("matrices.sxs.rows", hasItems("mono-fi", "pinch-p50", "multilingual"))
                .body("matrices.sxs.columns", equalTo(List.of("en", "fi")))
                .body("notes", hasItem(org.hamcrest.Matchers.containsString("no monolingual baseline for en")));
        given().get("/evaluations/" + pinch.checkpointId()).then().statusCode(200)
                .body("[0].state", equalTo("DONE")).body("[0].pendingSxs", equalTo(List.of("en")))
                .body("[0].announced", equalTo(true)).body("[0].responses.fi", equalTo(4));
        given().queryParam("experimentId", exp).get("/evaluations").then().statusCode(200)
                .body("checkpointId", hasItems(pinch.checkpointId(), monoFi.checkpointId(), multi.checkpointId()));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("pinch_evaluation_score{experiment=\"" + exp + "\""))
                .body(org.hamcrest.Matchers.containsString("pinch_judge_latency_seconds_count{judge=\"reference\""));
    }

    @Test
    void theUntunedBuiltinBaseModelIsEvaluatedOnceAsTheReferenceRow() throws Exception {
        String exp = EvalTestData.newExperimentId();
        String name = "builtin-" + "0".repeat(63) + "1";
        Path tmp = Files.createTempDirectory("base");
        EvalTestData.writeCheckpointDir(tmp.resolve("b"), 9);
        Artifact base = store.find("models/" + name).isPresent() ? store.find("models/" + name).get()
                : store.writeDirectory("models/" + name, tmp.resolve("b"));
        List<String> checkpoints = new java.util.ArrayList<>();
        for (String mix : List.of("mono-fi", "mono-en")) {
            Artifact a = EvalTestData.storeCheckpoint(store, exp + "." + mix + ".abc123", mix.length());
            CheckpointReady c = EvalTestData.checkpointReady(exp, mix, EvalTestData.design("monolingual",
                    mix.substring(5)), a, a.sha256(), true, EvalTestData.evalConfig());
            CheckpointReady fromBuiltin = new CheckpointReady(c.eventId(), c.eventType(), c.experimentId(),
                    c.timestamp(), c.runId(), c.checkpointId(), c.mixId(), c.design(), c.step(), c.finalCheckpoint(),
                    c.uri(), c.sha256(), name, c.device(), c.precision(), c.evalConfig(), null);
            KafkaTestClient.send(Topics.CHECKPOINTS, c.runId(), EventCodec.encode(fromBuiltin));
            checkpoints.add(c.checkpointId());
        }
        List<ConsumerRecord<String, String>> announced = KafkaTestClient.await(Topics.EVALUATIONS,
                r -> (exp + ".base").equals(r.key()), 1, WAIT);
        for (String checkpoint : checkpoints) { // the report below needs both mixes evaluated too
            KafkaTestClient.await(Topics.EVALUATIONS, r -> checkpoint.equals(r.key()), 1, WAIT);
        }
        EvaluationReady row = EventCodec.decode(announced.get(0).value(), EvaluationReady.class, EvaluationReady.TYPE);
        assertThat(row.mixId()).isEqualTo(exp + ".base");
        assertThat(row.scores()).containsOnlyKeys("en", "fi");
        assertThat(row.scores().get("fi")).containsKey("task");
        CheckpointEvaluation stored = evaluations.find(exp, exp + ".base", EvalTestData.EVAL_SET, "reference")
                .orElseThrow();
        assertThat(stored.design().type()).isEqualTo("base");
        assertThat(stored.design().params()).containsEntry("model", name);
        // one base job for the experiment, however many of its checkpoints arrive
        given().get("/evaluations/" + exp + ".base").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].baseModel", equalTo(true));
        given().get("/evaluations/" + checkpoints.get(0)).then().statusCode(200).body("[0].baseModel", equalTo(false));
        assertThat(base.sha256()).isNotBlank();
        given().accept("application/json").get("/experiments/" + exp + "/report").then().statusCode(200)
                .body("matrices.task.rows", hasItems("base", "mono-fi", "mono-en"));
    }

    /**
     * A LoRA checkpoint (PEFT adapter files, no weights) naming a stored built-in base is evaluated over that base
     * with the adapter merged; its responses differ from the bare base's, so the adapter was applied.
     */
    @Test
    void anAdapterCheckpointIsEvaluatedOverItsStoredBase() throws Exception {
        String exp = EvalTestData.newExperimentId();
        String name = "builtin-" + "0".repeat(63) + "2";
        Path tmp = Files.createTempDirectory("lora");
        Path baseDir = EvalTestData.writeCheckpointDir(tmp.resolve("b"), 11);
        if (store.find("models/" + name).isEmpty()) {
            store.writeDirectory("models/" + name, baseDir);
        }
        Path adapterDir = Files.createDirectories(tmp.resolve("a"));
        try (LlamaModel base = LlamaModel.load(baseDir, Device.cpu());
                LoraAdapter adapter = LoraAdapter.create(base, new LoraSpec(4, 8, 0, LoraSpec.ALL_PROJECTIONS), 2)) {
            adapter.parameters().values().forEach(t -> t.addi(t.onesLike().mul(0.2f)));
            adapter.save(adapterDir, name);
        }
        Files.copy(baseDir.resolve("tokenizer.json"), adapterDir.resolve("tokenizer.json"));
        Files.copy(baseDir.resolve("trainer_state.json"), adapterDir.resolve("trainer_state.json"));
        EvalTestData.storeExperiment(store, exp);
        Artifact a = store.writeDirectory("checkpoints/" + exp + ".lora-fi.abc123/step-000004", adapterDir);
        CheckpointReady c = EvalTestData.checkpointReady(exp, "lora-fi", EvalTestData.design("monolingual", "fi"), a,
                a.sha256(), true, EvalTestData.evalConfig());
        CheckpointReady withBase = new CheckpointReady(c.eventId(), c.eventType(), c.experimentId(), c.timestamp(),
                c.runId(), c.checkpointId(), c.mixId(), c.design(), c.step(), c.finalCheckpoint(), c.uri(), c.sha256(),
                name, c.device(), c.precision(), c.evalConfig(), null);
        KafkaTestClient.send(Topics.CHECKPOINTS, c.runId(), EventCodec.encode(withBase));
        EvaluationReady ready = nth(c, 1);
        assertThat(ready.scores()).containsOnlyKeys("en", "fi");
        List<ConsumerRecord<String, String>> baseRow = KafkaTestClient.await(Topics.EVALUATIONS,
                r -> (exp + ".base").equals(r.key()), 1, WAIT);
        assertThat(baseRow).hasSize(1);
        List<String> tuned = responses(exp, c.checkpointId());
        assertThat(tuned).isNotEmpty();
        assertThat(tuned).as("the adapter changes what the base generates").isNotEqualTo(responses(exp, exp + ".base"));
    }

    private List<String> responses(String exp, String checkpointId) {
        return new ResponseLog(store, exp, checkpointId, EvalTestData.EVAL_SET).read("fi").values().stream()
                .sorted(java.util.Comparator.comparing(r -> r.id())).map(r -> r.response()).toList();
    }

    @Test
    void withSeedsEachCandidateIsComparedWithTheBaselineOfItsOwnSeed() throws Exception {
        String exp = EvalTestData.newExperimentId();
        CheckpointReady mono1 = send(exp, "mono-fi", "monolingual", List.of("fi"), 8, 1);
        assertThat(nth(mono1, 1).scores().get("fi")).containsEntry("sxs", 50.0);
        // seed 2's candidate does not use seed 1's baseline: its fi SxS waits for the seed-2 baseline
        CheckpointReady pinch2 = send(exp, "pinch-p50", "pinch", List.of("en", "fi"), 9, 2);
        assertThat(nth(pinch2, 1).scores().get("fi")).doesNotContainKey("sxs");
        CheckpointReady mono2 = send(exp, "mono-fi", "monolingual", List.of("fi"), 10, 2);
        assertThat(nth(mono2, 1).scores().get("fi")).containsEntry("sxs", 50.0);
        assertThat(nth(pinch2, 2).scores().get("fi").get("sxs")).isBetween(0.0, 100.0);

        CheckpointEvaluation stored = evaluations.find(exp, pinch2.checkpointId(), EvalTestData.EVAL_SET, "reference")
                .orElseThrow();
        assertThat(stored.seed()).isEqualTo(2L);
        assertThat(stored.checkpointId()).contains(".seed2.");
        assertThat(stored.scores().get(1).results()).hasSize(4).allMatch(r -> r.sxs() != null);
        assertThat(stored.scores().get(1).examples()).isNotEmpty();
        given().accept("application/json").get("/experiments/" + exp + "/report").then().statusCode(200)
                .body("matrices.sxs.rows", equalTo(List.of("mono-fi", "pinch-p50")))
                .body("matrices.sxs.seeds", equalTo(List.of(2, 1)))
                .body("matrices.sxs.intervals[0][1].seedValues", equalTo(List.of(50.0f, 50.0f)));
        given().queryParam("experimentId", exp).get("/evaluations").then().statusCode(200)
                .body("seed", hasItems(1, 2));
    }

    @Test
    void aRedeliveredCheckpointIsNotScoredAgain() throws Exception {
        String exp = EvalTestData.newExperimentId();
        CheckpointReady c = send(exp, "mono-en", "monolingual", List.of("en"), 4);
        EvaluationReady first = nth(c, 1);
        assertThat(first.scores().get("en")).containsEntry("sxs", 50.0);
        String updated = given().get("/evaluations/" + c.checkpointId()).then().statusCode(200)
                .extract().path("[0].updatedAt");

        CheckpointReady again = new CheckpointReady(dev.pinch.events.Events.newId(), c.eventType(), c.experimentId(),
                dev.pinch.events.Events.now(), c.runId(), c.checkpointId(), c.mixId(), c.design(), c.step(),
                c.finalCheckpoint(), c.uri(), c.sha256(), c.baseModel(), c.device(), c.precision(), c.evalConfig(),
                c.seed());
        KafkaTestClient.send(Topics.CHECKPOINTS, c.runId(), EventCodec.encode(again));
        KafkaTestClient.send(Topics.CHECKPOINTS, c.runId(), EventCodec.encode(c));
        // a later checkpoint on the same partition (same key) shows both redeliveries were consumed
        Artifact m = EvalTestData.storeCheckpoint(store, exp + ".marker.abc123", 5);
        CheckpointReady marker = EvalTestData.checkpointReady(exp, "marker", EvalTestData.design("pinch", "en"), m,
                m.sha256(), true, EvalTestData.evalConfig());
        KafkaTestClient.send(Topics.CHECKPOINTS, c.runId(), EventCodec.encode(marker));
        nth(marker, 1);
        assertThat(KafkaTestClient.all(Topics.EVALUATIONS, r -> c.checkpointId().equals(r.key()),
                Duration.ofSeconds(3))).hasSize(1);
        given().get("/evaluations/" + c.checkpointId()).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].updatedAt", equalTo(updated));
    }

    @Test
    void intermediateCheckpointsAreEvaluatedOnlyWhenAsked() throws Exception {
        String exp = EvalTestData.newExperimentId();
        Artifact a = EvalTestData.storeCheckpoint(store, exp + ".pinch-p10.abc123", 6);
        CheckpointReady skipped = EvalTestData.checkpointReady(exp, "pinch-p10", EvalTestData.design("pinch", "en"), a,
                a.sha256(), false, EvalTestData.evalConfig());
        KafkaTestClient.send(Topics.CHECKPOINTS, skipped.runId(), EventCodec.encode(skipped));

        Map<String, Object> eval = new java.util.LinkedHashMap<>(EvalTestData.evalConfig());
        eval.put("includeIntermediate", true);
        eval.put("languages", List.of("sw"));
        Artifact b = EvalTestData.storeCheckpoint(store, exp + ".pinch-p20.abc123", 7);
        CheckpointReady wanted = EvalTestData.checkpointReady(exp, "pinch-p20", EvalTestData.design("pinch", "en"), b,
                b.sha256(), false, eval);
        KafkaTestClient.send(Topics.CHECKPOINTS, skipped.runId(), EventCodec.encode(wanted));
        assertThat(nth(wanted, 1).scores()).containsOnlyKeys("sw");
        assertThat(KafkaTestClient.all(Topics.EVALUATIONS, r -> skipped.checkpointId().equals(r.key()),
                Duration.ofSeconds(2))).isEmpty();
        given().get("/evaluations/" + skipped.checkpointId()).then().statusCode(404);
    }
}
