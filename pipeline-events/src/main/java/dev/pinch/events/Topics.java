package dev.pinch.events;

import java.time.Duration;
import java.util.List;

/**
 * Every Kafka topic Pinch uses. Topic names carry a schema version; each has a dead-letter sibling
 * named {@code <topic>.dlq}. Topics are created explicitly (see {@code kafka-broker}'s TopicProvisioner
 * and {@code k8s/} KafkaTopics), never by broker auto-creation.
 */
public final class Topics {

    /** Experiment triggers: an experiment spec as JSON, keyed by experiment id. */
    public static final String EXPERIMENTS = "pinch.experiments.v1";
    /** {@link MixReady} events, keyed by mix id. */
    public static final String MIXES = "pinch.mixes.v1";
    /** {@link CheckpointReady} events, keyed by run id. */
    public static final String CHECKPOINTS = "pinch.checkpoints.v1";
    /** {@link EvaluationReady} events, keyed by checkpoint id. */
    public static final String EVALUATIONS = "pinch.evaluations.v1";
    /** {@link TrainingProgress} events, keyed by run id. */
    public static final String TRAINING_PROGRESS = "pinch.training-progress.v1";

    public static final String DLQ_SUFFIX = ".dlq";

    /** Partitions and retention of one topic. */
    public record TopicSpec(String name, int partitions, Duration retention) {
        public TopicSpec {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1 for " + name);
            }
        }
    }

    private static final Duration MONTH = Duration.ofDays(30);
    private static final Duration WEEK = Duration.ofDays(7);

    /** The main topics. Mixes and checkpoints get several partitions so trainers and evaluators scale out. */
    public static final List<TopicSpec> MAIN = List.of(
            new TopicSpec(EXPERIMENTS, 1, MONTH),
            new TopicSpec(MIXES, 6, MONTH),
            new TopicSpec(CHECKPOINTS, 6, MONTH),
            new TopicSpec(EVALUATIONS, 3, MONTH),
            new TopicSpec(TRAINING_PROGRESS, 3, WEEK));

    private Topics() {
    }

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** Every topic, main and dead-letter, as it should exist on the broker. */
    public static List<TopicSpec> all() {
        return MAIN.stream()
                .flatMap(t -> java.util.stream.Stream.of(t, new TopicSpec(dlq(t.name()), 1, MONTH)))
                .toList();
    }
}
