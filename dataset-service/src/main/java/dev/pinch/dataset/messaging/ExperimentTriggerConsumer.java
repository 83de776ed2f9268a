package dev.pinch.dataset.messaging;

import dev.pinch.dataset.domain.ExperimentSpec;
import dev.pinch.dataset.service.ExperimentConflictException;
import dev.pinch.dataset.service.ExperimentService;
import dev.pinch.dataset.service.SpecParser;
import dev.pinch.dataset.service.SpecViolationException;
import dev.pinch.events.InvalidEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Starts experiments from the trigger topic: the value is an experiment spec in JSON, the same as
 * {@code POST /experiments}. A spec without an id takes the record key as its id. An invalid spec or a
 * conflicting id is sent to {@code pinch.experiments.v1.dlq} with the reason.
 */
@Startup // created at start-up so that its dead-letter counter is on /q/metrics from the first scrape
@ApplicationScoped
public class ExperimentTriggerConsumer {

    private static final Logger LOG = Logger.getLogger(ExperimentTriggerConsumer.class);

    private final ExperimentService experiments;
    private final Counter deadLettered;

    public ExperimentTriggerConsumer(ExperimentService experiments, MeterRegistry registry) {
        this.experiments = experiments;
        // Registered up front so that pinch_dlq_messages_total{topic} is 0, not absent, until the first rejection.
        this.deadLettered = registry.counter("pinch.dlq.messages", "topic", "pinch.experiments.v1");
    }

    @Incoming("experiments-in")
    @Blocking
    public CompletionStage<Void> onTrigger(Message<String> message) {
        try {
            ExperimentSpec spec = SpecParser.parse(message.getPayload(), false);
            if (spec.id() == null) {
                spec = withKeyAsId(spec, message);
            }
            experiments.submit(spec);
            return message.ack();
        } catch (SpecViolationException | ExperimentConflictException e) {
            LOG.warnf("experiment trigger rejected: %s", e.getMessage());
            deadLettered.increment();
            return message.nack(new InvalidEventException(e.getMessage()));
        } catch (RuntimeException e) {
            // Not the spec's fault (e.g. the store failed): still dead-lettered with the reason, so it can be replayed.
            LOG.errorf(e, "experiment trigger could not be accepted");
            deadLettered.increment();
            return message.nack(new IllegalStateException("could not accept the experiment: " + e, e));
        }
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
