package dev.pinch.broker;

import dev.pinch.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A Quarkus test resource backed by an {@link EmbeddedKafkaBroker} on random ports in a temporary directory,
 * with every topic of {@link Topics#all()} created. It points the application at the broker through
 * {@code kafka.bootstrap.servers}, turns Kafka Dev Services off, and sets test fields annotated with
 * {@link KafkaBootstrapServers}.
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(KafkaBrokerTestResource.class)
 * class MyServiceTest {
 *     @KafkaBootstrapServers
 *     String bootstrapServers;
 * }
 * }</pre>
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = EmbeddedKafkaBroker.builder().start();
        broker.createTopics(Topics.all());
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker.bootstrapServers(),
                new TestInjector.AnnotatedAndMatchesType(KafkaBootstrapServers.class, String.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
