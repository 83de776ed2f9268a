package dev.pinch.evaluator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.pinch.broker.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshStoreTestResource.class)
class EvaluatorHealthTest {

    @Test
    void startsHealthyAndServesMetrics() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("evaluator-workers"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("pinch_evaluations_done_total"))
                .body(containsString("pinch_evaluations_failed_total"))
                .body(containsString("pinch_generation_tokens_per_second"))
                .body(containsString("pinch_evaluator_jobs{state=\"queued\""))
                .body(containsString("pinch_dlq_messages_total{topic=\"pinch.checkpoints.v1\""));
    }

    @Test
    void servesTheOpenApiDocument() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/score"))
                .body(containsString("/evaluations/{checkpointId}"))
                .body(containsString("/experiments/{id}/report"));
    }

    @Test
    void everyErrorIsProblemDetails() {
        problem(given().contentType("application/json").body("{\"metric\":\"bleu\",\"hypotheses\":[\"a\"],"
                + "\"references\":[\"a\"]}").post("/score"), 400, "invalid-request")
                .body("violations[0].field", equalTo("metric"));
        problem(given().get("/evaluations/no-such-checkpoint"), 404, "not-found");
        problem(given().get("/no/such/path"), 404, "not-found");
        problem(given().delete("/score"), 405, "method-not-allowed");
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("application/problem+json"))
                .body(containsString("#/components/schemas/Problem"));
    }

    /** RFC 9457: the media type, and type, title, status and detail in the body. */
    static ValidatableResponse problem(Response response, int status, String kind) {
        return response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:pinch:problem:" + kind))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()));
    }
}
