package dev.pinch.dataset.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import dev.pinch.broker.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configurable upper bounds ({@code pinch.dataset.max-*}), lowered here, refuse a spec on arrival naming the field. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@TestProfile(ExperimentLimitsTest.SmallLimits.class)
class ExperimentLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pinch.dataset.max-mixes", "3", "pinch.dataset.max-steps", "500",
                    "pinch.dataset.max-new-tokens", "64", "pinch.dataset.max-spec-bytes", "4000",
                    "pinch.dataset.max-json-depth", "6");
        }
    }

    @Test
    void configuredBoundsAreEnforcedOnArrival() {
        String id = ExperimentResourceTest.newId();
        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "budget": 60, "training": {"maxSteps": 501}, "eval": {"maxNewTokens": 65},
                 "designs": [{"type": "monolingual", "languages": ["en", "fi", "ru", "zh"]}]}""".formatted(id))
                .post("/experiments").then().statusCode(400)
                .body("violations.field", hasItems("training.maxSteps", "eval.maxNewTokens", "designs"))
                .body("violations.find { it.field == 'designs' }.reason",
                        containsString("plan 4 mixes, more than the 3 an experiment may have (pinch.dataset.max-mixes)"))
                .body("violations.find { it.field == 'training.maxSteps' }.reason", containsString("<= 500"));
        given().get("/experiments/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "budget": 60, "training": {"maxSteps": 500}, "eval": {"maxNewTokens": 64},
                 "designs": [{"type": "monolingual", "languages": ["en", "fi", "ru"]}]}""".formatted(id))
                .post("/experiments").then().statusCode(202);

        given().contentType(ContentType.JSON).body("{\"designs\": [], \"eval\": {\"a\": [[[[[[[1]]]]]]]}}")
                .post("/experiments").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("body"))
                .body("violations[0].reason", containsString("deeper than 6 levels (pinch.dataset.max-json-depth)"));
        given().contentType(ContentType.JSON).body("{\"designs\": [], \"eval\": {\"x\": \"" + "a".repeat(4000) + "\"}}")
                .post("/experiments").then().statusCode(400)
                .body("violations[0].reason", containsString("larger than 4000 bytes"));
    }
}
