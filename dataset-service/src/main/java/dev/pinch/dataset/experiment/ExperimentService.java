package dev.pinch.dataset.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pinch.dataset.corpus.CorpusNotFoundException;
import dev.pinch.dataset.corpus.CorpusRegistry;
import dev.pinch.dataset.domain.Corpus;
import dev.pinch.dataset.domain.CorpusManifest;
import dev.pinch.dataset.domain.Experiment;
import dev.pinch.dataset.domain.ExperimentSpec;
import dev.pinch.dataset.domain.SpecValidator;
import dev.pinch.events.CorpusRef;
import dev.pinch.events.EventCodec;
import dev.pinch.events.Names;
import dev.pinch.events.Violation;
import dev.pinch.store.Sha256;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Accepts experiments: validates the spec, assembles every mix into the store, records the experiment
 * durably, then hands it to the {@link ExperimentAnnouncer} to announce. Posting the same id with the same
 * (normalized) spec again returns the stored experiment; a different spec is a conflict.
 */
@ApplicationScoped
public class ExperimentService {

    /** Specs serialised with sorted map keys, so equal specs hash equally. */
    private static final ObjectWriter CANONICAL = EventCodec.mapper().writer()
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Submissions of one id are serialised; striped, so the locks do not grow with the experiments. */
    private static final Object[] LOCKS = java.util.stream.Stream.generate(Object::new).limit(64).toArray();


    private final CorpusRegistry corpora;
    private final ExperimentRepository repository;
    private final MixWriter mixWriter;
    private final ExperimentAnnouncer outbox;
    private final MeterRegistry registry;
    private final SettingsChecks settings;

    public ExperimentService(CorpusRegistry corpora, ExperimentRepository repository, MixWriter mixWriter,
            ExperimentAnnouncer outbox, MeterRegistry registry, SettingsChecks settings) {
        this.settings = settings;
        this.corpora = corpora;
        this.repository = repository;
        this.mixWriter = mixWriter;
        this.outbox = outbox;
        this.registry = registry;
    }

    /**
     * Accepts a spec: a repeat of an accepted experiment (same id, same normalised spec) returns it without
     * validating or drawing its mixes again; a new one is validated, its mixes written, stored and announced.
     */
    public Experiment submit(ExperimentSpec posted) {
        Corpus corpus = corpus(posted.corpus() == null ? ExperimentSpec.DEFAULT_CORPUS : posted.corpus());
        ExperimentSpec withId = posted.id() != null ? posted : posted.withId(newId());
        ExperimentSpec spec = SpecValidator.normalize(withId, corpus);
        String specSha256 = Sha256.of(canonical(spec));
        synchronized (LOCKS[Math.floorMod(spec.id().hashCode(), LOCKS.length)]) {
            Optional<Experiment> existing = SpecValidator.validId(spec.id()) ? repository.find(spec.id())
                    : Optional.empty();
            if (existing.isPresent() && existing.get().specSha256().equals(specSha256)) {
                registry.counter("pinch.experiments", "outcome", "repeated").increment();
                return existing.get();
            }
            SpecValidator.Checked checked = SpecValidator.check(withId, corpus);
            List<Violation> violations = new ArrayList<>(checked.violations());
            violations.addAll(settings.violations(withId));
            violations.addAll(settings.mixCount(checked.plans().size()));
            if (!violations.isEmpty()) {
                registry.counter("pinch.experiments", "outcome", "invalid").increment();
                throw new SpecViolationException(violations);
            }
            if (existing.isPresent()) {
                registry.counter("pinch.experiments", "outcome", "conflict").increment();
                throw new ExperimentConflictException(spec.id(), existing.get().specSha256(), specSha256);
            }
            CorpusManifest manifest = corpus.manifest();
            CorpusRef corpusRef = new CorpusRef(manifest.name(), manifest.version(), manifest.sha256());
            Experiment experiment = new Experiment(spec.id(), spec, specSha256, Instant.now(), corpusRef,
                    spec.budget(), mixWriter.writeAll(spec, checked.plans(), corpus, corpusRef));
            repository.save(experiment);
            registry.counter("pinch.experiments", "outcome", "accepted").increment();
            outbox.announce(experiment);
            return experiment;
        }
    }

    private Corpus corpus(String name) {
        if (!Names.valid(name)) {
            throw new SpecViolationException(List.of(new Violation("corpus", "must be a corpus name: " + Names.RULE)));
        }
        try {
            return corpora.load(name);
        } catch (CorpusNotFoundException e) {
            throw new SpecViolationException(List.of(new Violation("corpus", "unknown corpus '" + name + "'; known: "
                    + corpora.list().stream().map(CorpusManifest::name).toList())));
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
            return CANONICAL.writeValueAsString(spec).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newId() {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        return "exp-" + HexFormat.of().formatHex(random);
    }
}
