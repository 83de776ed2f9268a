package dev.pinch.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.events.Topics;
import dev.pinch.events.Topics.TopicSpec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping and restarting brokers, and what happens when they cannot start. */
class BrokerLifecycleTest {

    @TempDir
    Path tempDir;

    @Test
    void keepsClusterTopicsAndRecordsAcrossARestartOnTheSameDataDir() throws Exception {
        Path dataDir = tempDir.resolve("kafka");
        String clusterId;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).start()) {
            broker.createTopics(Topics.all());
            clusterId = clusterId(broker);
            var record = new ProducerRecord<>(Topics.EXPERIMENTS, "exp-7", "before restart");
            TestClients.send(broker.bootstrapServers(), record);
        }
        assertThat(dataDir).isDirectory();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).start()) {
            assertThat(clusterId(broker)).isEqualTo(clusterId);
            try (Admin admin = TestClients.admin(broker.bootstrapServers())) {
                assertThat(admin.listTopics().names().get())
                        .containsAll(Topics.all().stream().map(TopicSpec::name).toList());
            }
            assertThat(broker.createTopics(Topics.all())).isEmpty();
            List<ConsumerRecord<String, String>> records =
                    TestClients.readFromStart(broker.bootstrapServers(), Topics.EXPERIMENTS, 1);
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("before restart");
        }
    }

    @Test
    void deletesATemporaryDataDirOnClose() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start();
        Path dataDir = broker.dataDir();
        assertThat(dataDir).isDirectory();

        broker.close();
        broker.close();

        assertThat(dataDir).doesNotExist();
    }

    @Test
    void failsClearlyWhenThePortIsTaken() throws Exception {
        // Kafka logs the bind failure with several stack traces; the exception below says it all.
        Logger kafka = Logger.getLogger("kafka");
        Level level = kafka.getLevel();
        kafka.setLevel(Level.OFF);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var builder = EmbeddedKafkaBroker.builder().dataDir(tempDir.resolve("taken")).port(taken.getLocalPort());

            assertThatThrownBy(builder::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not start on localhost:" + taken.getLocalPort())
                    .hasMessageContaining("Address already in use");
        } finally {
            kafka.setLevel(level);
        }
    }

    @Test
    void failsClearlyWhenTheDataDirIsAFile() throws Exception {
        Path file = Files.writeString(tempDir.resolve("not-a-dir"), "x");
        var builder = EmbeddedKafkaBroker.builder().dataDir(file);

        assertThatThrownBy(builder::start)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Kafka data directory " + file + " is not usable: it is not a directory");
    }

    private static String clusterId(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = TestClients.admin(broker.bootstrapServers())) {
            return admin.describeCluster().clusterId().get();
        }
    }
}
