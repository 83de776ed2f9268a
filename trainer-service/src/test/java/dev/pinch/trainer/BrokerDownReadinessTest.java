package dev.pinch.trainer;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.support.health.BrokerDownReadinessChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness while the real broker is down and after it is back ({@link BrokerDownReadinessChecks}). */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
class BrokerDownReadinessTest {

    @Test
    void readinessIsDownPromptlyWhileTheBrokerIsDownAndUpWhenItIsBack() {
        BrokerDownReadinessChecks.readinessIsDownPromptlyWhileTheBrokerIsDownAndUpWhenItIsBack();
    }
}
