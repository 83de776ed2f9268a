package dev.pinch.trainer.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.events.Events;
import dev.pinch.store.ArtifactStore;
import dev.pinch.trainer.FreshRunsTestResource;
import dev.pinch.trainer.TestData;
import dev.pinch.trainer.domain.CheckpointRecord;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunIds;
import dev.pinch.trainer.domain.RunProgress;
import dev.pinch.trainer.domain.RunState;
import dev.pinch.trainer.service.RunRecovery;
import dev.pinch.trainer.service.RunRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /runs API over runs stored directly in each state (none of them trains). */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshRunsTestResource.class)
class RunResourceTest {

    @Inject
    RunRepository runs;
    @Inject
    RunRecovery recovery;
    @Inject
    ArtifactStore store;

    @BeforeEach
    void recoveryIsDone() {
        await().atMost(Duration.ofSeconds(60)).until(recovery::done);
    }

    /** A run stored in {@code state} without being handed to the workers. */
    Run stored(RunState state) throws Exception {
        String experiment = TestData.newExperimentId();
        String mixId = experiment + ".mono-en";
        var mix = TestData.writeMix(store, mixId, 5);
        Run run = Run.queued(RunIds.runId(mixId, "f".repeat(64)), "f".repeat(64), "builtin",
                TestData.mixReady(experiment, mixId, mix, mix.sha256(), TestData.tinyTraining(4)), Events.now());
        if (state != RunState.QUEUED) {
            run = run.start(null, Events.now())
                    .report(new RunProgress(2, 4, 0, 3.5, 3.7, 1234.5, 1e-3, 12.5, 0.2), Events.now())
                    .withCheckpoint(new CheckpointRecord(RunIds.checkpointId(run.runId(), 2),
                            RunIds.checkpointKey(run.runId(), 2), 2, false, "file:///x", "a".repeat(64), "cpu()",
                            "fp32", Events.now(), true), Events.now());
        }
        if (state == RunState.FAILED) {
            run = run.fail("training failed: boom", Events.now());
        } else if (state == RunState.DONE) {
            run = run.moveTo(RunState.DONE, Events.now());
        }
        runs.create(run);
        return run;
    }

    @Test
    void listsRunsAndServesOneWithItsProgressAndLossCurve() throws Exception {
        Run run = stored(RunState.RUNNING);
        given().get("/runs").then().statusCode(200).body("runId", hasItem(run.runId()));
        given().queryParam("experimentId", run.experimentId()).get("/runs").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].state", equalTo("RUNNING"))
                .body("[0].step", equalTo(2))
                .body("[0].tokensPerSecond", equalTo(1234.5f))
                .body("[0].etaSeconds", equalTo(0))
                .body("[0].checkpoints", equalTo(1));
        given().get("/base-models").then().statusCode(200).body("[0].name", startsWith("builtin-"));
        given().get("/runs/" + run.runId()).then().statusCode(200)
                .body("runId", equalTo(run.runId()))
                .body("mixId", equalTo(run.mixId()))
                .body("state", equalTo("RUNNING"))
                .body("progress.step", equalTo(2))
                .body("progress.totalSteps", equalTo(4))
                .body("progress.loss", equalTo(3.5f))
                .body("progress.tokensPerSecond", equalTo(1234.5f))
                .body("progress.learningRate", equalTo(0.001f))
                .body("lossCurve", hasSize(1))
                .body("lossCurve[0].devLoss", equalTo(3.7f))
                .body("checkpoints[0].checkpointId", equalTo(run.runId() + ".step-000002"))
                .body("error", nullValue())
                .body("training.maxSteps", equalTo(4));
        given().post("/runs/" + run.runId() + "/cancel").then().statusCode(202);
    }

    @Test
    void unknownRunsAre404() {
        given().get("/runs/no-such-run").then().statusCode(404)
                .body("violations[0].field", equalTo("id"))
                .body("detail", containsString("no run 'no-such-run'"));
        given().post("/runs/no-such-run/cancel").then().statusCode(404).body("violations[0].field", equalTo("id"));
    }

    @Test
    void anUnknownStateFilterIs400NamingTheParameter() {
        given().queryParam("state", "sleeping").get("/runs").then().statusCode(400)
                .body("violations[0].field", equalTo("state"))
                .body("violations[0].reason", containsString("QUEUED"));
    }

    @Test
    void cancellingAQueuedRunCancelsItAtOnce() throws Exception {
        Run run = stored(RunState.QUEUED);
        given().post("/runs/" + run.runId() + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body("finishedAt", not(nullValue()));
        given().post("/runs/" + run.runId() + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        given().queryParam("state", "cancelled").get("/runs").then().statusCode(200)
                .body("runId", hasItem(run.runId()));
    }

    @Test
    void cancellingARunningRunFlagsIt() throws Exception {
        Run run = stored(RunState.RUNNING);
        given().post("/runs/" + run.runId() + "/cancel").then().statusCode(202)
                .body("state", equalTo("RUNNING"))
                .body("cancelRequested", equalTo(true));
    }

    @Test
    void finishedRunsCannotBeCancelled() throws Exception {
        for (RunState state : new RunState[] {RunState.DONE, RunState.FAILED}) {
            Run run = stored(state);
            given().post("/runs/" + run.runId() + "/cancel").then().statusCode(409)
                    .body("violations[0].field", equalTo("state"))
                    .body("detail", containsString("is " + state))
                    .body("detail", containsString("only QUEUED or RUNNING runs can be cancelled"));
            given().get("/runs/" + run.runId()).then().statusCode(200).body("state", equalTo(state.name()));
        }
    }
}
