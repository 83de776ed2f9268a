package dev.pinch.dataset.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.pinch.broker.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
}
