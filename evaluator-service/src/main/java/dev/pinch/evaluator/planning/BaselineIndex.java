package dev.pinch.evaluator.planning;

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
 * so scores already computed against it stay comparable. In an experiment with {@code seeds} each seed has its own
 * baselines (key {@code <lang>@seed<N>}): a candidate of seed N is compared with the monolingual model of seed N.
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
     * @param seed         its training seed, or null (no {@code seeds} in the experiment)
     */
    public record Baseline(String mixId, String checkpointId, Long seed) {
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

    /** The index key of a language's baseline for a seed: {@code <lang>}, or {@code <lang>@seed<N>}. */
    public static String key(String lang, Long seed) {
        return seed == null ? lang : lang + "@seed" + seed;
    }

    /** The language of an index key. */
    public static String language(String key) {
        int at = key.indexOf('@');
        return at < 0 ? key : key.substring(0, at);
    }

    /**
     * Registers the checkpoint when it is a baseline and its language (for its seed) has none yet; returns its
     * language if so.
     */
    public synchronized Optional<String> register(String experimentId, String mixId, String checkpointId,
            DesignRef design, boolean finalCheckpoint, Long seed) {
        Optional<String> lang = baselineLanguage(design, finalCheckpoint);
        if (lang.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Baseline> index = new TreeMap<>(of(experimentId));
        Baseline existing = index.get(key(lang.get(), seed));
        if (existing != null) {
            if (!existing.checkpointId().equals(checkpointId)) {
                LOG.warnf("experiment %s: %s stays the %s baseline; ignoring %s", experimentId,
                        existing.checkpointId(), lang.get(), checkpointId);
            }
            return existing.checkpointId().equals(checkpointId) ? lang : Optional.empty();
        }
        index.put(key(lang.get(), seed), new Baseline(mixId, checkpointId, seed));
        try {
            store.writeBytes(key(experimentId), MAPPER.writeValueAsBytes(index));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the baselines of " + experimentId, e);
        }
        byExperiment.put(experimentId, Map.copyOf(index));
        return lang;
    }

    /** The baseline of {@code lang} for the training seed {@code seed} (null: no seeds), if one was seen. */
    public Optional<Baseline> find(String experimentId, String lang, Long seed) {
        return Optional.ofNullable(of(experimentId).get(key(lang, seed)));
    }

    /** Every baseline of the experiment, by {@link #key(String, Long)}. */
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
