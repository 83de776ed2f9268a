package dev.pinch.evaluator;

import static dev.pinch.support.auth.WriteApiAuthChecks.readsAndHealthAreOpen;
import static dev.pinch.support.auth.WriteApiAuthChecks.refusedWithoutTheToken;
import static dev.pinch.support.auth.WriteApiAuthChecks.withToken;
import static org.hamcrest.Matchers.equalTo;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.support.auth.WriteApiAuthChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With auth on (as in compose and k8s): POST /score needs the API token; evaluations and reports stay readable. */
@QuarkusTest
@TestProfile(WriteApiAuthChecks.On.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshStoreTestResource.class)
class WriteApiAuthTest {

    @Test
    void writesWithoutTheTokenAre401() {
        refusedWithoutTheToken("POST", "/score");
        refusedWithoutTheToken("DELETE", "/evaluations");
        refusedWithoutTheToken("PUT", "/experiments/x/report");
    }

    @Test
    void theTokenScores() {
        withToken().contentType("application/json")
                .body("{\"metric\": \"chrf\", \"hypotheses\": [\"the cat\"], \"references\": [\"the cat\"]}")
                .post("/score").then().statusCode(200)
                .body("metric", equalTo("chrf")).body("segments", equalTo(1)).body("score", equalTo(100.0f));
    }

    @Test
    void readsAndHealthStayOpen() {
        readsAndHealthAreOpen("/evaluations");
    }
}
