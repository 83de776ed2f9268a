package dev.pinch.evaluator.planning;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.events.EventCodec;
import dev.pinch.store.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What dataset-service wrote to the shared artifact store about experiments, mixes and corpora, read tolerantly
 * (missing or unreadable records are treated as absent): {@code experiments/<id>/experiment.json},
 * {@code mixes/<mixId>.manifest.json} and {@code corpora/<name>/<version>/manifest.json}.
 */
@ApplicationScoped
public class ExperimentCatalog {

    /**
     * A corpus version in the store.
     *
     * @param name        corpus name
     * @param version     version
     * @param languages   its languages
     * @param examplesUri its examples.jsonl
     */
    public record Corpus(String name, String version, List<String> languages, String examplesUri) {
    }

    private final ArtifactStore store;

    public ExperimentCatalog(ArtifactStore store) {
        this.store = store;
    }

    /**
     * The experiment's languages: its spec's default languages, then every language a mix of it tunes on, in that
     * order without repeats; empty when the experiment record is not in the store.
     */
    public List<String> experimentLanguages(String experimentId) {
        Set<String> out = new LinkedHashSet<>();
        json("experiments/" + experimentId + "/experiment.json").ifPresent(e -> {
            e.path("spec").path("languages").forEach(l -> out.add(l.asText()));
            e.path("mixes").forEach(m -> m.path("design").path("languages").forEach(l -> out.add(l.asText())));
        });
        return new ArrayList<>(out);
    }

    /** Whether dataset-service has stored the experiment's record. */
    public boolean exists(String experimentId) {
        return json("experiments/" + experimentId + "/experiment.json").isPresent();
    }

    /** The corpus (name, version) the mix was drawn from: from the experiment record, else the mix manifest. */
    public Optional<String[]> corpusOf(String experimentId, String mixId) {
        Optional<JsonNode> ref = json("experiments/" + experimentId + "/experiment.json").map(e -> e.path("corpus"))
                .filter(c -> c.hasNonNull("name"));
        if (ref.isEmpty()) {
            ref = json("mixes/" + mixId + ".manifest.json").map(m -> m.path("corpus")).filter(c -> c.hasNonNull("name"));
        }
        return ref.map(c -> new String[] {c.path("name").asText(), c.path("version").asText(null)});
    }

    /** A corpus version, if its manifest is in the store. */
    public Optional<Corpus> corpus(String name, String version) {
        String prefix = "corpora/" + name + "/" + version + "/";
        return json(prefix + "manifest.json").map(m -> {
            List<String> langs = new ArrayList<>();
            m.path("languages").forEach(l -> langs.add(l.asText()));
            String examples = m.hasNonNull("examplesUri") ? m.get("examplesUri").asText()
                    : store.uri(prefix + "examples.jsonl").toString();
            return new Corpus(name, version, langs, examples);
        });
    }

    /** The newest version of a corpus in the store (greatest version name), if any. */
    public Optional<String> latestVersion(String name) {
        try {
            return store.list("corpora/" + name).stream()
                    .filter(k -> k.endsWith("/manifest.json") && k.split("/").length == 4)
                    .map(k -> k.split("/")[2])
                    .max(String::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list corpora/" + name, e);
        }
    }

    private Optional<JsonNode> json(String key) {
        try {
            Optional<java.net.URI> a = store.locate(key);
            return a.isEmpty() ? Optional.empty() : Optional.of(EventCodec.mapper().readTree(store.readBytes(a.get())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
