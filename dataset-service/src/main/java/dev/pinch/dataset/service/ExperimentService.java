package dev.pinch.dataset.service;

import dev.pinch.dataset.domain.Corpus;
import dev.pinch.dataset.domain.CorpusManifest;
import dev.pinch.dataset.domain.Experiment;
import dev.pinch.dataset.domain.ExperimentSpec;
import dev.pinch.dataset.domain.SpecValidator;
import dev.pinch.dataset.domain.Violation;
import dev.pinch.dataset.messaging.Outbox;
import dev.pinch.events.CorpusRef;
import dev.pinch.events.EventCodec;
import dev.pinch.store.Sha256;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts experiments: validates the spec, assembles every mix into the store, records the experiment
 * durably, then hands it to the {@link Outbox} to announce. Posting the same id with the same
 * (normalized) spec again returns the stored experiment; a different spec is a conflict.
 */
@ApplicationScoped
public class ExperimentService {

    private final CorpusRegistry corpora;
    private final ExperimentRepository repository;
    private final MixWriter mixWriter;
    private final Outbox outbox;
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public ExperimentService(CorpusRegistry corpora, ExperimentRepository repository, MixWriter mixWriter,
            Outbox outbox, MeterRegistry registry) {
        this.corpora = corpora;
        this.repository = repository;
        this.mixWriter = mixWriter;
        this.outbox = outbox;
        this.registry = registry;
    }

    public Experiment submit(ExperimentSpec posted) {
        String corpusName = posted.corpus() == null ? ExperimentSpec.DEFAULT_CORPUS : posted.corpus();
        CorpusManifest manifest = corpora.manifest(corpusName).orElseThrow(() -> new SpecViolationException(List.of(
                new Violation("corpus", "unknown corpus '" + corpusName + "'; known: "
                        + corpora.list().stream().map(CorpusManifest::name).toList()))));
        Corpus corpus = corpora.load(corpusName);
        ExperimentSpec withId = posted.id() != null ? posted : withId(posted, newId());
        List<Violation> violations = SpecValidator.validate(withId, corpus);
        if (!violations.isEmpty()) {
            registry.counter("pinch.experiments", "outcome", "invalid").increment();
            throw new SpecViolationException(violations);
        }
        ExperimentSpec spec = SpecValidator.normalize(withId, corpus);
        String specSha256 = Sha256.of(canonical(spec));
        synchronized (locks.computeIfAbsent(spec.id(), k -> new Object())) {
            Optional<Experiment> existing = repository.find(spec.id());
            if (existing.isPresent()) {
                if (!existing.get().specSha256().equals(specSha256)) {
                    registry.counter("pinch.experiments", "outcome", "conflict").increment();
                    throw new ExperimentConflictException(spec.id(), existing.get().specSha256(), specSha256);
                }
                registry.counter("pinch.experiments", "outcome", "repeated").increment();
                return existing.get();
            }
            CorpusRef corpusRef = new CorpusRef(manifest.name(), manifest.version(), manifest.sha256());
            Experiment experiment = new Experiment(spec.id(), spec, specSha256, Instant.now(), corpusRef,
                    spec.budget(), mixWriter.writeAll(spec, corpus, corpusRef));
            repository.save(experiment);
            registry.counter("pinch.experiments", "outcome", "accepted").increment();
            outbox.announce(experiment);
            return experiment;
        }
    }

    public Optional<Experiment> find(String id) {
        return repository.find(id);
    }

    public boolean isPublished(String id) {
        return repository.isPublished(id);
    }

    private static byte[] canonical(ExperimentSpec spec) {
        try {
            return EventCodec.mapper().copy()
                    .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(spec).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newId() {
        byte[] random = new byte[5];
        new java.security.SecureRandom().nextBytes(random);
        return "exp-" + HexFormat.of().formatHex(random);
    }

    private static ExperimentSpec withId(ExperimentSpec s, String id) {
        return new ExperimentSpec(id, s.corpus(), s.budget(), s.seed(), s.languages(), s.training(), s.eval(),
                s.designs());
    }
}
