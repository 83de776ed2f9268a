package dev.pinch.broker;

import dev.pinch.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A Quarkus test resource backed by an {@link EmbeddedKafkaBroker} on random ports in a temporary directory,
 * with every topic of {@link Topics#all()} created. It points the application at the broker through
 * {@code kafka.bootstrap.servers}, turns Kafka Dev Services off, and sets test fields annotated with
 * {@link KafkaBootstrapServers}. A test can stop the broker and start it again on the same port and data
 * ({@link #stopBroker()}, {@link #restartBroker()}), for what the service does while it is down.
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

    /** The control's name; a platform MBean, so that test classes in any class loader reach the same broker. */
    static final String CONTROL = "dev.pinch.broker:type=TestBrokerControl";

    private volatile EmbeddedKafkaBroker broker;
    private Path dataDir;
    private int port;

    /** Stops the broker of the running test resource (its port and data are kept). */
    public static void stopBroker() {
        invoke("stop");
    }

    /** Starts the broker of the running test resource again, on the same port and data. */
    public static void restartBroker() {
        invoke("restart");
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(CONTROL), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("no running KafkaBrokerTestResource to " + operation, e);
        }
    }

    /** The MBean behind {@link #stopBroker()} and {@link #restartBroker()}. */
    public final class Control implements TestBrokerControlMBean {
        @Override
        public synchronized void stop() {
            broker.close();
        }

        @Override
        public synchronized void restart() {
            broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).port(port).start();
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("pinch-kafka-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).start();
        String servers = broker.bootstrapServers();
        port = Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
        broker.createTopics(Topics.all());
        register();
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker.bootstrapServers(),
                new TestInjector.AnnotatedAndMatchesType(KafkaBootstrapServers.class, String.class));
    }

    private void register() {
        try {
            var server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(CONTROL);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new javax.management.StandardMBean(new Control(), TestBrokerControlMBean.class), name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(CONTROL));
        } catch (JMException e) {
            // another resource replaced it
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (dataDir != null) {
            BrokerStorage.deleteRecursively(dataDir);
        }
    }
}
