package dev.pinch.dataset.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.pinch.broker.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** OpenAPI, Swagger UI, health (including the Kafka channels) and metrics. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class OperationsEndpointsTest {

    @Test
    void servesOpenApiSwaggerHealthAndMetrics() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/experiments")).body(containsString("/corpora/{name}"))
                .body(containsString("/mixes/{id}/examples"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("experiments-in"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        given().contentType(ContentType.JSON).body("{\"designs\": []}").post("/experiments").then().statusCode(400);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("pinch_experiments_total{outcome=\"invalid\""))
                .body(containsString("pinch_mixes_emitted_total"))
                .body(containsString("pinch_dlq_messages_total{topic=\"pinch.experiments.v1\""));
    }

    @Test
    void everyErrorIsProblemDetails() {
        problem(given().contentType(ContentType.JSON)
                .body("{\"budget\": -1, \"designs\": [{\"type\": \"quadrilingual\"}]}").post("/experiments"),
                400, "invalid-experiment")
                .body("violations.field", hasItems("budget", "designs[0].type"))
                .body("detail", containsString("budget"));
        problem(given().get("/experiments/no-such-experiment"), 404, "not-found");
        problem(given().get("/corpora/no-such-corpus"), 404, "not-found");
        problem(given().get("/no/such/path"), 404, "not-found");
        problem(given().delete("/experiments"), 405, "method-not-allowed");
        problem(given().contentType("text/csv").body("a,b").post("/experiments"), 415, "unsupported-media-type");
        problem(given().contentType(ContentType.JSON).body("{\"designs\": [").post("/experiments"),
                400, "invalid-experiment").body("violations[0].field", equalTo("body"));
        problem(given().get("/test-only/failure"), 500, "internal-error")
                .body("detail", not(containsString("secret-token-4711")));
    }

    @Test
    void theOpenApiDocumentSaysErrorsAreProblemDetails() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("application/problem+json"))
                .body(containsString("#/components/schemas/Problem"));
    }

    /** RFC 9457: the media type, and type, title, status and detail in the body. */
    static ValidatableResponse problem(io.restassured.response.Response response, int status, String kind) {
        return response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:pinch:problem:" + kind))
                .body("title", not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(org.hamcrest.Matchers.emptyOrNullString()));
    }
}
