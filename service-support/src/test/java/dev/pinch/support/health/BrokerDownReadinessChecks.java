package dev.pinch.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.broker.KafkaBrokerTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * What every service's broker-down test checks, against the service {@code @QuarkusTest} started with the real
 * broker of {@link KafkaBrokerTestResource}: with the broker stopped, {@code /q/health/ready} answers within 2 s with
 * 503 DOWN naming the broker; once the broker is back on the same port it is UP again.
 */
public final class BrokerDownReadinessChecks {

    private BrokerDownReadinessChecks() {
    }

    private static Response ready() {
        return RestAssured.given().get("/q/health/ready");
    }

    /** Stops the broker of {@link KafkaBrokerTestResource}, checks readiness three times, restarts it, checks again. */
    public static void readinessIsDownPromptlyWhileTheBrokerIsDownAndUpWhenItIsBack() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ready().statusCode() == 200);
        KafkaBrokerTestResource.stopBroker();
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                Response down = ready();
                long millis = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("readiness with the broker down: HTTP %d in %d ms%n", down.statusCode(), millis);
                assertThat(millis).as("readiness answers within 2 s").isLessThan(2000);
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.jsonPath().getString("status")).isEqualTo("DOWN");
                assertThat(down.jsonPath().getString("checks.find { it.name == 'Kafka broker' }.status"))
                        .isEqualTo("DOWN");
            }
        } finally {
            KafkaBrokerTestResource.restartBroker();
        }
        long restarted = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> ready().statusCode() == 200);
        System.out.printf("readiness UP again %d ms after the broker restarted%n",
                (System.nanoTime() - restarted) / 1_000_000);
        assertThat(ready().jsonPath().getString("checks.find { it.name == 'Kafka broker' }.status")).isEqualTo("UP");
    }
}
