package dev.pinch.dataset.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.dataset.domain.Experiment;
import dev.pinch.dataset.domain.ExperimentSpec;
import dev.pinch.dataset.experiment.ExperimentRepository;
import dev.pinch.events.CorpusRef;
import dev.pinch.store.LocalArtifactStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's failure paths, with a real store and a publisher that fails like a broker that is down. */
class OutboxTest {

    @TempDir
    Path root;

    /** Fails its first {@code failures} publishes (broker down), then records what it published. */
    static final class FlakyPublisher extends MixPublisher {
        final AtomicInteger failures;
        final List<String> published = new CopyOnWriteArrayList<>();

        FlakyPublisher(int failures) {
            super(null, null, new SimpleMeterRegistry());
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public void publish(Experiment experiment) {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("broker down");
            }
            published.add(experiment.id());
        }
    }

    static Experiment experiment(String id) {
        return new Experiment(id, new ExperimentSpec(id, "builtin", 10, 1L, List.of("en"), null, null, List.of()),
                "0".repeat(64), Instant.now(), new CorpusRef("builtin", "1", "0".repeat(64)), 10, List.of());
    }

    @Test
    void aFailedAnnouncementIsRetriedWithBackoffUntilTheBrokerIsBack() throws Exception {
        ExperimentRepository repository = new ExperimentRepository(new LocalArtifactStore(root));
        FlakyPublisher publisher = new FlakyPublisher(2);
        Outbox outbox = new Outbox(repository, publisher);
        repository.save(experiment("exp-a"));

        long start = System.nanoTime();
        outbox.announce(experiment("exp-a"));
        awaitPublished(repository, "exp-a", 15);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("retried after 1 s, then 2 s")
                .isGreaterThanOrEqualTo(3000);
        assertThat(publisher.published).containsExactly("exp-a");
        outbox.onStop(null);
    }

    @Test
    void atStartUpEveryStoredExperimentWithoutItsMarkerIsAnnouncedAgain() throws Exception {
        ExperimentRepository repository = new ExperimentRepository(new LocalArtifactStore(root));
        repository.save(experiment("exp-done"));
        repository.markPublished("exp-done");
        repository.save(experiment("exp-lost")); // stored, then the service stopped before announcing it
        FlakyPublisher publisher = new FlakyPublisher(0);
        Outbox outbox = new Outbox(repository, publisher);

        outbox.onStart(null);
        awaitPublished(repository, "exp-lost", 10);
        assertThat(publisher.published).containsExactly("exp-lost");
        outbox.onStop(null);
    }

    static void awaitPublished(ExperimentRepository repository, String id, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!repository.isPublished(id)) {
            assertThat(System.nanoTime()).as(id + " published within " + seconds + " s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
