package dev.pinch.trainer;

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
@QuarkusTestResource(FreshRunsTestResource.class)
class TrainerHealthTest {

    @Test
    void startsHealthyAndServesMetrics() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("trainer-workers"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("pinch_trainer_runs{state=\"active\""))
                .body(containsString("pinch_trainer_runs{state=\"queued\""))
                .body(containsString("pinch_trainer_runs{state=\"failed\""))
                .body(containsString("pinch_trainer_runs{state=\"completed\""))
                .body(containsString("pinch_trainer_device_memory_used_bytes{device=\"cpu\""))
                .body(containsString("pinch_training_step_seconds"))
                .body(containsString("pinch_dlq_messages_total{topic=\"pinch.mixes.v1\""));
    }

    @Test
    void servesTheOpenApiDocument() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/runs/{id}/cancel"));
    }

    @Test
    void everyErrorIsProblemDetails() {
        problem(given().get("/runs/no-such-run"), 404, "not-found").body("violations[0].field", equalTo("id"));
        problem(given().queryParam("state", "sleeping").get("/runs"), 400, "invalid-request")
                .body("violations[0].field", equalTo("state"))
                .body("violations[0].reason", containsString("QUEUED"));
        problem(given().get("/no/such/path"), 404, "not-found");
        problem(given().delete("/runs"), 405, "method-not-allowed");
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
