package dev.pinch.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.events.Topics;
import dev.pinch.events.Topics.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker broker;
    private static List<String> createdAtStart;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().start();
        createdAtStart = broker.createTopics(Topics.all());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void createsEveryTopicWithItsPartitionsAndRetention() throws Exception {
        List<String> names = Topics.all().stream().map(TopicSpec::name).toList();
        assertThat(createdAtStart).containsExactlyElementsOf(names);
        try (Admin admin = TestClients.admin(broker.bootstrapServers())) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
            List<ConfigResource> resources = names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            var configs = admin.describeConfigs(resources).all().get();
            for (TopicSpec spec : Topics.all()) {
                assertThat(descriptions.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                var retention = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()))
                        .get(TopicConfig.RETENTION_MS_CONFIG).value();
                assertThat(retention).as(spec.name()).isEqualTo(String.valueOf(spec.retention().toMillis()));
            }
        }
    }

    @Test
    void createTopicsIsIdempotent() throws Exception {
        assertThat(broker.createTopics(Topics.all())).isEmpty();
        assertThat(broker.createTopics(Topics.all())).isEmpty();
        TopicSpec scratch = new TopicSpec("pinch.scratch.v1", 2, Duration.ofHours(1));
        assertThat(broker.createTopics(List.of(Topics.all().getFirst(), scratch))).containsExactly(scratch.name());
        try (Admin admin = TestClients.admin(broker.bootstrapServers())) {
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(Topics.MAIN.stream().map(TopicSpec::name).toList()).allTopicNames().get();
            Map<String, Integer> partitions = descriptions.values().stream()
                    .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
            assertThat(partitions).isEqualTo(Topics.MAIN.stream()
                    .collect(Collectors.toMap(TopicSpec::name, TopicSpec::partitions)));
        }
    }

    @Test
    void producesAndConsumesARecordWithHeaders() throws Exception {
        var record = new ProducerRecord<>(Topics.EXPERIMENTS, "exp-1", "{\"id\":\"exp-1\"}");
        record.headers().add(new RecordHeader("ce_type", "dev.pinch.experiment".getBytes(StandardCharsets.UTF_8)));
        TestClients.send(broker.bootstrapServers(), record);

        List<ConsumerRecord<String, String>> records =
                TestClients.readFromStart(broker.bootstrapServers(), Topics.EXPERIMENTS, 1);

        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> read = records.getFirst();
        assertThat(read.key()).isEqualTo("exp-1");
        assertThat(read.value()).isEqualTo("{\"id\":\"exp-1\"}");
        assertThat(read.headers().lastHeader("ce_type").value())
                .asString(StandardCharsets.UTF_8).isEqualTo("dev.pinch.experiment");
    }

    @Test
    void keepsItsDataInAnAbsoluteDirectory() {
        Path dataDir = broker.dataDir();
        assertThat(dataDir).isAbsolute().isDirectory();
        assertThat(dataDir.resolve("meta.properties")).exists();
        assertThat(broker.bootstrapServers()).matches("localhost:\\d+");
    }
}
