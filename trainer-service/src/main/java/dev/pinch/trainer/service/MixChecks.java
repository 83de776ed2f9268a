package dev.pinch.trainer.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.events.EventCodec;
import dev.pinch.events.MixReady;
import dev.pinch.events.settings.BaseModelCheck;
import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.store.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What must hold before a mix can train: it is a mix of an experiment the dataset-service accepted, as stored in
 * {@code experiments/<id>/experiment.json} (same mix id, artifact and sha256, the same training config, a listed
 * seed), so that a forged or replayed-and-altered MixReady adds no run; its artifact exists with the announced
 * sha256; its base model exists.
 */
@ApplicationScoped
public class MixChecks {

    private final ArtifactStore store;

    public MixChecks(ArtifactStore store) {
        this.store = store;
    }

    /** The reason the mix cannot train, or empty when it can. */
    public Optional<String> problem(MixReady mix, TrainingSettings settings) {
        return artifactProblem(mix).or(() -> baseModelProblem(settings.baseModel()));
    }

    /** The mix artifact's local path, checked against the announced sha256. */
    public Path mixFile(MixReady mix) {
        Optional<String> problem = artifactProblem(mix);
        if (problem.isPresent()) {
            throw new RunFailure(problem.get());
        }
        try {
            return store.localPath(URI.create(mix.artifactUri()));
        } catch (IOException e) {
            throw new RunFailure("mix artifact " + mix.artifactUri() + " cannot be read: " + e.getMessage());
        }
    }

    /** Why {@code mix} is not one the dataset-service announced, or empty when it is. */
    public Optional<String> provenanceProblem(MixReady mix) {
        JsonNode record;
        try {
            Optional<URI> at = store.locate("experiments/" + mix.experimentId() + "/experiment.json");
            if (at.isEmpty()) {
                return Optional.of("experiment " + mix.experimentId() + " is not in the artifact store: the mix was "
                        + "not announced by the dataset-service");
            }
            record = EventCodec.mapper().readTree(store.readBytes(at.get()));
        } catch (IOException | RuntimeException e) {
            return Optional.of("experiment " + mix.experimentId() + " cannot be read from the artifact store");
        }
        JsonNode stored = null;
        for (JsonNode m : record.path("mixes")) {
            if (m.path("id").asText("").equals(mix.mixId())) {
                stored = m;
            }
        }
        String prefix = "mix " + mix.mixId() + " does not match the stored experiment " + mix.experimentId() + ": ";
        if (stored == null) {
            return Optional.of(prefix + "the experiment has no such mix");
        }
        if (!stored.path("sha256").asText("").equalsIgnoreCase(String.valueOf(mix.sha256()))
                || !stored.path("uri").asText("").equals(String.valueOf(mix.artifactUri()))) {
            return Optional.of(prefix + "another artifact");
        }
        JsonNode training = record.path("spec").path("training");
        JsonNode announced = EventCodec.mapper().valueToTree(mix.trainingConfig() == null ? Map.of()
                : mix.trainingConfig());
        if (!(training.isMissingNode() || training.isNull() ? EventCodec.mapper().createObjectNode() : training)
                .equals(announced)) {
            return Optional.of(prefix + "another training config");
        }
        JsonNode seeds = record.path("spec").path("seeds");
        if (mix.seed() != null && seeds.isArray() && seeds.size() > 0
                && java.util.stream.StreamSupport.stream(seeds.spliterator(), false)
                        .noneMatch(s -> s.asLong() == mix.seed())) {
            return Optional.of(prefix + "seed " + mix.seed() + " is not one of its seeds");
        }
        return Optional.empty();
    }

    Optional<String> artifactProblem(MixReady mix) {
        String uri = mix.artifactUri();
        if (uri == null || uri.isBlank()) {
            return Optional.of("mix " + mix.mixId() + ": artifactUri is missing");
        }
        if (mix.sha256() == null || !mix.sha256().matches("[0-9a-fA-F]{64}")) {
            return Optional.of("mix " + mix.mixId() + ": sha256 '" + mix.sha256() + "' is not a hex sha256");
        }
        try {
            String actual = store.sha256(URI.create(uri));
            if (!actual.equalsIgnoreCase(mix.sha256())) {
                return Optional.of("mix artifact " + uri + " has sha256 " + actual
                        + " but the MixReady event announced " + mix.sha256());
            }
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.of("mix artifact " + uri + " does not exist in the artifact store");
        } catch (IllegalArgumentException e) {
            return Optional.of("mix artifactUri " + uri + " is not usable: " + e.getMessage());
        } catch (IOException e) {
            return Optional.of("mix artifact " + uri + " cannot be read: " + e.getMessage());
        }
    }

    /** For a directory base model: it exists and has a config.json. The built-in one is always available. */
    Optional<String> baseModelProblem(String baseModel) {
        return BaseModelCheck.problem(baseModel).map(reason -> "training.baseModel: " + reason);
    }
}
