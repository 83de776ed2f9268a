package dev.pinch.evaluator.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.broker.KafkaTestClient;
import dev.pinch.evaluator.EvalTestData;
import dev.pinch.evaluator.FreshStoreTestResource;
import dev.pinch.evaluator.generation.GeneratedResponse;
import dev.pinch.evaluator.generation.ResponseLog;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.EvaluationReady;
import dev.pinch.events.EventCodec;
import dev.pinch.events.Topics;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A generation stopped after its first language (as by a crash: the job stays GENERATING with en stored) continues at
 * the next recovery with the missing languages only, keeping what was stored.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshStoreTestResource.class)
class EvaluationResumeTest {

    @Inject
    ArtifactStore store;
    @Inject
    EvaluationScheduler scheduler;
    @Inject
    EvaluationRecovery recovery;
    @Inject
    JobRepository jobs;

    @Test
    void anInterruptedGenerationContinuesFromItsStoredResponses() throws Exception {
        EvalTestData.writeCorpus(store);
        String exp = EvalTestData.newExperimentId();
        Artifact a = EvalTestData.storeCheckpoint(store, exp + ".mono-en.abc123", 21);
        CheckpointReady c = EvalTestData.checkpointReady(exp, "mono-en", EvalTestData.design("monolingual", "en"), a,
                a.sha256(), true, EvalTestData.evalConfig());
        String jobId = EvaluationJob.id(c.checkpointId(), EvalTestData.EVAL_SET, "reference");

        // what a first run had stored before it stopped: every en response
        ResponseLog log = new ResponseLog(store, exp, c.checkpointId(), EvalTestData.EVAL_SET);
        List<GeneratedResponse> en = List.of("t1", "t2", "t3", "t4").stream()
                .map(id -> new GeneratedResponse(id, "en", "topic", "stored before the stop", "x", "kept " + id, 3))
                .toList();
        log.append("en", en.subList(0, 2));
        log.append("en", en.subList(2, 4));

        scheduler.interrupt(jobId); // the worker stops before its first batch, as a crash would
        KafkaTestClient.send(Topics.CHECKPOINTS, c.runId(), EventCodec.encode(c));
        await().atMost(Duration.ofMinutes(2)).until(() -> jobs.find(jobId)
                .map(j -> j.state() == JobState.GENERATING).orElse(false) && !scheduler.isScheduled(jobId));
        assertThat(log.read("fi")).isEmpty();
        assertThat(log.complete()).isFalse();

        assertThat(recovery.recover()).isGreaterThanOrEqualTo(1);
        EvaluationReady ready = EventCodec.decode(KafkaTestClient.await(Topics.EVALUATIONS,
                r -> c.checkpointId().equals(r.key()), 1, Duration.ofMinutes(2)).get(0).value(), EvaluationReady.class,
                EvaluationReady.TYPE);
        assertThat(ready.scores().keySet()).containsExactly("en", "fi");
        assertThat(log.read("en").values()).extracting(GeneratedResponse::response)
                .containsExactly("kept t1", "kept t2", "kept t3", "kept t4");
        assertThat(log.read("fi")).hasSize(4);
        assertThat(log.complete()).isTrue();
        assertThat(ready.scores().get("en")).containsEntry("prompts", 4.0).containsEntry("sxs", 50.0);
        given().get("/evaluations/" + c.checkpointId()).then().statusCode(200).body("[0].state", equalTo("DONE"))
                .body("[0].responses", equalTo(Map.of("en", 4, "fi", 4)));
    }
}
