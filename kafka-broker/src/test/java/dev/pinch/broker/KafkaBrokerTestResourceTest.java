package dev.pinch.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.events.Topics;
import dev.pinch.events.Topics.TopicSpec;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;
import java.lang.reflect.Field;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class KafkaBrokerTestResourceTest {

    /** Stands in for a Quarkus test instance. */
    static class SomeTest {
        @KafkaBootstrapServers
        String bootstrapServers;

        String unrelated;
    }

    @Test
    void startsABrokerWithAllTopicsAndPointsTheApplicationAtIt() throws Exception {
        KafkaBrokerTestResource resource = new KafkaBrokerTestResource();
        try {
            Map<String, String> config = resource.start();

            assertThat(config).containsEntry("quarkus.kafka.devservices.enabled", "false");
            String bootstrapServers = config.get("kafka.bootstrap.servers");
            assertThat(bootstrapServers).matches("localhost:\\d+");
            try (Admin admin = TestClients.admin(bootstrapServers)) {
                assertThat(admin.listTopics().names().get())
                        .containsAll(Topics.all().stream().map(TopicSpec::name).toList());
            }

            SomeTest test = new SomeTest();
            resource.inject(fieldSetter(test));
            assertThat(test.bootstrapServers).isEqualTo(bootstrapServers);
            assertThat(test.unrelated).isNull();
        } finally {
            resource.stop();
        }
        resource.stop();
    }

    /** The reflective field injection Quarkus performs for test resources. */
    private static TestInjector fieldSetter(Object testInstance) {
        return (value, predicate) -> {
            for (Field field : testInstance.getClass().getDeclaredFields()) {
                if (predicate.test(field)) {
                    try {
                        field.setAccessible(true);
                        field.set(testInstance, value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
    }
}
