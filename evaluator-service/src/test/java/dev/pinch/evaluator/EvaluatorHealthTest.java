package dev.pinch.evaluator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.pinch.broker.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
}
