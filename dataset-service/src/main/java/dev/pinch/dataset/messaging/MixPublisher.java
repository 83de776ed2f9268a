package dev.pinch.dataset.messaging;

import dev.pinch.dataset.config.DatasetConfig;
import dev.pinch.dataset.domain.Experiment.MixRecord;
import dev.pinch.dataset.domain.Experiment;
import dev.pinch.events.Events;
import dev.pinch.events.MixReady;
import dev.pinch.support.messaging.EventMessages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Sends one MixReady per mix of an experiment (one per mix and training seed when the experiment lists
 * {@code seeds}), keyed by mix id, and waits for the broker's acknowledgements.
 * Created at start-up so that its counter is on /q/metrics from the first scrape.
 */
@Startup
@ApplicationScoped
public class MixPublisher {

    private final MutinyEmitter<String> emitter;
    private final DatasetConfig config;
    private final Counter emitted;

    public MixPublisher(@Channel("mixes-out") MutinyEmitter<String> emitter, DatasetConfig config, MeterRegistry registry) {
        this.emitter = emitter;
        this.config = config;
        this.emitted = Counter.builder("pinch.mixes.emitted").description("MixReady events acknowledged by the broker")
                .register(registry);
    }

    /** Blocks until every MixReady of the experiment is acknowledged, or throws. */
    public void publish(Experiment experiment) {
        List<Long> seeds = experiment.spec().seeds() == null ? java.util.Collections.singletonList(null)
                : experiment.spec().seeds();
        List<Uni<Void>> sends = experiment.mixes().stream()
                .flatMap(mix -> seeds.stream().map(seed -> send(experiment, mix, seed))).toList();
        Uni.join().all(sends).andFailFast().await().atMost(config.publishTimeout());
        emitted.increment(sends.size());
    }

    /**
     * The MixReady of one mix and seed. Its eventId is derived from what it announces (experiment, mix, seed, mix
     * sha256) and its timestamp is the experiment's acceptance, so a republished announcement (the outbox retrying
     * after a timeout whose first send did reach the log) is the same event, which consumers can drop by eventId.
     */
    static MixReady event(Experiment experiment, MixRecord mix, Long seed) {
        java.util.UUID id = Events.idOf(MixReady.TYPE, experiment.id(), mix.id(), seed, mix.sha256());
        return new MixReady(id, MixReady.TYPE, experiment.id(),
                experiment.createdAt() == null ? Events.now() : experiment.createdAt(), mix.id(),
                mix.design(), mix.counts(), mix.total(), experiment.corpus(), mix.uri(), mix.sha256(),
                experiment.spec().training(), experiment.spec().eval(), seed);
    }

    private Uni<Void> send(Experiment experiment, MixRecord mix, Long seed) {
        return emitter.sendMessage(EventMessages.of(event(experiment, mix, seed), config.eventSource()));
    }
}
