package dev.pinch.broker;

import dev.pinch.events.Topics.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Pinch's topics ({@link dev.pinch.events.Topics#all()}) on any Kafka cluster reachable through an
 * {@link Admin}. Idempotent: topics that already exist are left exactly as they are, and a topic created
 * concurrently by someone else counts as existing.
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    /**
     * Creates every topic of {@code specs} that does not exist yet, with the spec's partition count, the
     * cluster's default replication factor and {@code retention.ms} set to the spec's retention.
     *
     * @return the names of the topics this call created, in spec order (empty when all existed)
     * @throws IllegalStateException when the cluster cannot list or create topics
     */
    public static List<String> provision(Admin admin, List<TopicSpec> specs) {
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        List<NewTopic> missing = specs.stream()
                .filter(spec -> !existing.contains(spec.name()))
                .map(TopicProvisioner::newTopic)
                .toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
        List<String> created = new ArrayList<>();
        for (NewTopic topic : missing) {
            if (awaitCreated(results.get(topic.name()), topic.name())) {
                created.add(topic.name());
            }
        }
        return created;
    }

    private static NewTopic newTopic(TopicSpec spec) {
        return new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(spec.retention().toMillis())));
    }

    /** True when the topic was created, false when it turned out to exist already. */
    private static boolean awaitCreated(KafkaFuture<Void> creation, String topic) {
        try {
            await(creation, "create topic " + topic);
            return true;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to " + what, e);
        }
    }
}
