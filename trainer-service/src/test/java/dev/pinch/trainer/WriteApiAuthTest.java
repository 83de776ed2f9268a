package dev.pinch.trainer;

import static dev.pinch.support.auth.WriteApiAuthChecks.readsAndHealthAreOpen;
import static dev.pinch.support.auth.WriteApiAuthChecks.refusedWithoutTheToken;
import static dev.pinch.support.auth.WriteApiAuthChecks.withToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.events.Events;
import dev.pinch.store.ArtifactStore;
import dev.pinch.support.auth.WriteApiAuthChecks;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunIds;
import dev.pinch.trainer.service.RunRecovery;
import dev.pinch.trainer.service.RunRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With auth on (as in compose and k8s): cancelling a run and preparing the base model need the API token. */
@QuarkusTest
@TestProfile(WriteApiAuthChecks.On.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshRunsTestResource.class)
class WriteApiAuthTest {

    @Inject
    RunRepository runs;
    @Inject
    RunRecovery recovery;
    @Inject
    ArtifactStore store;

    @Test
    void writesWithoutTheTokenAre401AndChangeNothing() throws Exception {
        Run run = queuedRun();
        refusedWithoutTheToken("POST", "/runs/" + run.runId() + "/cancel");
        refusedWithoutTheToken("POST", "/base-models/builtin");
        refusedWithoutTheToken("DELETE", "/runs/" + run.runId());
        refusedWithoutTheToken("PUT", "/runs/" + run.runId());
        given().get("/runs/" + run.runId()).then().statusCode(200).body("state", equalTo("QUEUED"));
    }

    @Test
    void theTokenCancelsARun() throws Exception {
        Run run = queuedRun();
        withToken().post("/runs/" + run.runId() + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        withToken().delete("/runs").then().statusCode(405);
    }

    @Test
    void readsAndHealthStayOpen() {
        readsAndHealthAreOpen("/runs", "/base-models");
    }

    /** A run stored QUEUED without being handed to the workers, so it never trains. */
    private Run queuedRun() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(recovery::done);
        String experiment = TestData.newExperimentId();
        String mixId = experiment + ".mono-en";
        var mix = TestData.writeMix(store, mixId, 5);
        Run run = Run.queued(RunIds.runId(mixId, "f".repeat(64)), "f".repeat(64), "builtin",
                TestData.mixReady(experiment, mixId, mix, mix.sha256(), TestData.tinyTraining(4)), Events.now());
        runs.create(run);
        return run;
    }
}
