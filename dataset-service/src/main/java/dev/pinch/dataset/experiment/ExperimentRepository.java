package dev.pinch.dataset.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pinch.dataset.domain.Experiment;
import dev.pinch.events.EventCodec;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Experiments and their publication markers, in the artifact store. */
@ApplicationScoped
public class ExperimentRepository {

    private static final ObjectMapper MAPPER = EventCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final ArtifactStore store;

    public ExperimentRepository(ArtifactStore store) {
        this.store = store;
    }

    public Artifact save(Experiment experiment) {
        return write(key(experiment.id(), "experiment.json"), experiment);
    }

    public Optional<Experiment> find(String id) {
        try {
            Optional<java.net.URI> artifact = store.locate(key(id, "experiment.json"));
            if (artifact.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(MAPPER.readValue(store.readBytes(artifact.get()), Experiment.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read experiment " + id, e);
        }
    }

    /** Records that every MixReady of the experiment was acknowledged by the broker. */
    public void markPublished(String id) {
        write(key(id, "published.json"), java.util.Map.of("experimentId", id));
    }

    public boolean isPublished(String id) {
        try {
            return store.locate(key(id, "published.json")).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids of every stored experiment, sorted. */
    public List<String> ids() {
        try {
            return store.list("experiments").stream()
                    .filter(k -> k.endsWith("/experiment.json"))
                    .map(k -> k.split("/")[1])
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Artifact write(String key, Object value) {
        try {
            byte[] json = MAPPER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
            return store.writeBytes(key, json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + key, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + key, e);
        }
    }

    private static String key(String id, String file) {
        return "experiments/" + id + "/" + file;
    }
}
