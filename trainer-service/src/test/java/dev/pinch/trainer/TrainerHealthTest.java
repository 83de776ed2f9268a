package dev.pinch.trainer;

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
}
