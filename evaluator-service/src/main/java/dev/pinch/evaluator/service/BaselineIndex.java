package dev.pinch.evaluator.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pinch.events.DesignRef;
import dev.pinch.events.EventCodec;
import dev.pinch.store.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The SxS baselines of each experiment, learnt from the CheckpointReady events seen: the baseline for language L is
 * the final checkpoint of the experiment's monolingual-L mix (design type {@code monolingual}, design languages
 * exactly [L]). Persisted per experiment as {@code evaluator/experiments/<experiment>/baselines.json}. The first
 * final checkpoint registered for L stays its baseline (a later one, e.g. of a retrained run, is logged and ignored)
 * so scores already computed against it stay comparable.
 */
@ApplicationScoped
public class BaselineIndex {

    private static final Logger LOG = Logger.getLogger(BaselineIndex.class);
    private static final ObjectMapper MAPPER = EventCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The baseline of one language.
     *
     * @param mixId        the monolingual mix
     * @param checkpointId its final checkpoint
     */
    public record Baseline(String mixId, String checkpointId) {
    }

    private final ArtifactStore store;
    private final Map<String, Map<String, Baseline>> byExperiment = new ConcurrentHashMap<>();

    public BaselineIndex(ArtifactStore store) {
        this.store = store;
    }

    /** The language a checkpoint is the baseline of, if it is the final checkpoint of a monolingual mix. */
    public static Optional<String> baselineLanguage(DesignRef design, boolean finalCheckpoint) {
        if (!finalCheckpoint || design == null || !"monolingual".equals(design.type()) || design.languages() == null
                || design.languages().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(design.languages().get(0));
    }

    /** Registers the checkpoint when it is a baseline and its language has none yet; returns its language if so. */
    public synchronized Optional<String> register(String experimentId, String mixId, String checkpointId,
            DesignRef design, boolean finalCheckpoint) {
        Optional<String> lang = baselineLanguage(design, finalCheckpoint);
        if (lang.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Baseline> index = new TreeMap<>(of(experimentId));
        Baseline existing = index.get(lang.get());
        if (existing != null) {
            if (!existing.checkpointId().equals(checkpointId)) {
                LOG.warnf("experiment %s: %s stays the %s baseline; ignoring %s", experimentId,
                        existing.checkpointId(), lang.get(), checkpointId);
            }
            return existing.checkpointId().equals(checkpointId) ? lang : Optional.empty();
        }
        index.put(lang.get(), new Baseline(mixId, checkpointId));
        try {
            store.writeBytes(key(experimentId), MAPPER.writeValueAsBytes(index));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the baselines of " + experimentId, e);
        }
        byExperiment.put(experimentId, Map.copyOf(index));
        return lang;
    }

    /** The baseline of {@code lang} in the experiment, if one was seen. */
    public Optional<Baseline> find(String experimentId, String lang) {
        return Optional.ofNullable(of(experimentId).get(lang));
    }

    /** Every baseline of the experiment, by language. */
    public Map<String, Baseline> of(String experimentId) {
        return byExperiment.computeIfAbsent(experimentId, this::load);
    }

    private Map<String, Baseline> load(String experimentId) {
        try {
            Optional<java.net.URI> file = store.locate(key(experimentId));
            if (file.isEmpty()) {
                return Map.of();
            }
            return Map.copyOf(MAPPER.readValue(store.readBytes(file.get()),
                    new TypeReference<Map<String, Baseline>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baselines of " + experimentId, e);
        }
    }

    private static String key(String experimentId) {
        return "evaluator/experiments/" + experimentId + "/baselines.json";
    }
}
