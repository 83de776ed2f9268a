package dev.pinch.dataset;

import static dev.pinch.support.auth.WriteApiAuthChecks.readsAndHealthAreOpen;
import static dev.pinch.support.auth.WriteApiAuthChecks.refusedWithoutTheToken;
import static dev.pinch.support.auth.WriteApiAuthChecks.withToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.support.auth.WriteApiAuthChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With auth on (as in compose and k8s): submitting experiments and importing corpora need the API token. */
@QuarkusTest
@TestProfile(WriteApiAuthChecks.On.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class WriteApiAuthTest {

    @Test
    void writesWithoutTheTokenAre401AndStoreNothing() {
        String id = "auth-" + UUID.randomUUID().toString().substring(0, 8);
        refusedWithoutTheToken("POST", "/experiments");
        refusedWithoutTheToken("POST", "/corpora");
        refusedWithoutTheToken("DELETE", "/experiments/" + id);
        refusedWithoutTheToken("PUT", "/corpora/builtin");
        given().header("Authorization", "Bearer not-the-token-at-all").contentType("application/json")
                .body(spec(id)).post("/experiments").then().statusCode(401);
        given().get("/experiments/" + id).then().statusCode(404);
    }

    @Test
    void theTokenSubmitsAnExperiment() {
        String id = "auth-" + UUID.randomUUID().toString().substring(0, 8);
        withToken().contentType("application/json").body(spec(id)).post("/experiments")
                .then().statusCode(202).body("id", equalTo(id));
        given().get("/experiments/" + id).then().statusCode(200).body("spec.budget", equalTo(40));
    }

    @Test
    void readsAndHealthStayOpen() {
        readsAndHealthAreOpen("/corpora", "/corpora/builtin");
    }

    private static String spec(String id) {
        return """
                {"id": "%s", "budget": 40, "designs": [{"type": "monolingual", "languages": ["en"]}]}"""
                .formatted(id);
    }
}
