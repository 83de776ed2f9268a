package dev.pinch.dataset.experiment;

import dev.pinch.dataset.domain.Experiment;

/**
 * How accepted experiments are announced; the service owns this interface and messaging implements it (on Kafka:
 * the {@code Outbox}, one MixReady per mix), so that the service never depends on messaging.
 */
public interface ExperimentAnnouncer {

    /** Queues the announcement of a stored experiment; it is retried until the broker acknowledges it. */
    void announce(Experiment experiment);
}
