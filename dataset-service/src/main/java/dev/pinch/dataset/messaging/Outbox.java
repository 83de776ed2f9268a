package dev.pinch.dataset.messaging;

import dev.pinch.dataset.domain.Experiment;
import dev.pinch.dataset.experiment.ExperimentAnnouncer;
import dev.pinch.dataset.experiment.ExperimentRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Announces accepted experiments. An experiment is durable before it is announced; if the broker is
 * down or the service stops first, the announcement is retried with backoff and again at the next
 * start, for every experiment without a published marker. Consumers are idempotent by mix id, so a
 * repeated MixReady is harmless.
 */
@ApplicationScoped
public class Outbox implements ExperimentAnnouncer {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final ExperimentRepository repository;
    private final MixPublisher publisher;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mix-outbox").daemon().factory());

    public Outbox(ExperimentRepository repository, MixPublisher publisher) {
        this.repository = repository;
        this.publisher = publisher;
    }

    void onStart(@Observes StartupEvent event) {
        worker.execute(() -> repository.ids().stream()
                .filter(id -> !repository.isPublished(id))
                .forEach(id -> announce(id, Duration.ofSeconds(1))));
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Queues the experiment's MixReady events. */
    @Override
    public void announce(Experiment experiment) {
        worker.execute(() -> announce(experiment.id(), Duration.ofSeconds(1)));
    }

    private void announce(String id, Duration backoff) {
        try {
            if (repository.isPublished(id)) {
                return;
            }
            Experiment experiment = repository.find(id).orElseThrow();
            publisher.publish(experiment);
            repository.markPublished(id);
            LOG.infof("experiment %s: %d MixReady events published", id, experiment.mixes().size());
        } catch (RuntimeException e) {
            Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            LOG.warnf("experiment %s: publishing failed (%s); retrying in %s", id, e.getMessage(), backoff);
            if (!worker.isShutdown()) {
                worker.schedule(() -> announce(id, next), backoff.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}
