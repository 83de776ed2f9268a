package dev.pinch.dataset.messaging;

import dev.pinch.dataset.domain.ExperimentSpec;
import dev.pinch.dataset.config.DatasetConfig;
import dev.pinch.dataset.experiment.ExperimentConflictException;
import dev.pinch.dataset.experiment.ExperimentService;
import dev.pinch.dataset.experiment.SpecParser;
import dev.pinch.dataset.experiment.SpecViolationException;
import dev.pinch.events.Topics;
import dev.pinch.support.messaging.EventIntake;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Starts experiments from the trigger topic: the value is an experiment spec in JSON, the same as
 * {@code POST /experiments}. A spec without an id takes the record key as its id. An invalid spec or a
 * conflicting id is sent to {@code pinch.experiments.v1.dlq} with the reason.
 */
@Startup // created at start-up so that its dead-letter counter is on /q/metrics from the first scrape
@ApplicationScoped
public class ExperimentTriggerConsumer {

    private final ExperimentService experiments;
    private final EventIntake events;
    private final DatasetConfig config;

    public ExperimentTriggerConsumer(ExperimentService experiments, MeterRegistry registry, DatasetConfig config) {
        this.experiments = experiments;
        this.config = config;
        this.events = new EventIntake(Topics.EXPERIMENTS, registry, ExperimentTriggerConsumer.class);
    }

    @Incoming("experiments-in")
    @Blocking
    public CompletionStage<Void> onTrigger(Message<String> message) {
        return events.consume(message, json -> SpecParser.parse(json, false, config.maxSpecBytes(),
                config.maxJsonDepth()), spec -> {
            try {
                experiments.submit(spec.id() == null ? withKeyAsId(spec, message) : spec);
                return Optional.empty();
            } catch (SpecViolationException | ExperimentConflictException e) {
                return Optional.of(e.getMessage());
            }
        });
    }

    private static ExperimentSpec withKeyAsId(ExperimentSpec spec, Message<String> message) {
        Object key = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getKey)
                .orElse(null);
        if (key == null) {
            return spec;
        }
        return spec.withId(key.toString());
    }
}
