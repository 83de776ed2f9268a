package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.Corpus;
import dev.pinch.dataset.domain.CorpusManifest;
import dev.pinch.dataset.domain.Example;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Registered corpora, kept in the artifact store under {@code corpora/<name>/<version>/}: {@code examples.jsonl}
 * (sorted by id then language, one canonical JSON object per line), {@code text.jsonl} (raw pretraining text
 * {@code {"lang","text"}}, optional) and {@code manifest.json}, written last, so a version exists once its manifest
 * does. A version is immutable: registering it again with the same content is a no-op, with other content a
 * {@link CorpusConflictException}. "Latest" is the greatest version in natural order (digit runs compare as
 * numbers: {@code 2 < 10}, {@code 1.9 < 1.10}). Storage failures surface as {@link UncheckedIOException}; invalid
 * names and versions as {@link IllegalArgumentException}.
 */
@ApplicationScoped
public class CorpusRegistry {

    private final ArtifactStore store;
    private final CorpusCache cache = new CorpusCache();

    @Inject
    public CorpusRegistry(ArtifactStore store) {
        this.store = store;
    }

    /** Registers a corpus without raw text. */
    public CorpusManifest register(CorpusDescriptor descriptor, List<Example> examples) {
        return register(descriptor, examples, List.of());
    }

    /**
     * Stores {@code examples} (any order; (id, lang) pairs must be unique) and, when not empty, {@code text} (kept
     * in the given order) as {@code descriptor}'s name and version. Returns the stored manifest.
     *
     * @throws IllegalArgumentException for an invalid name or version, or a duplicate (id, lang) pair
     * @throws CorpusConflictException  when that version holds other content
     */
    public synchronized CorpusManifest register(CorpusDescriptor descriptor, List<Example> examples,
            List<CorpusTextLine> text) {
        String examplesKey = CorpusLayout.examplesKey(descriptor.name(), descriptor.version());
        String textKey = CorpusLayout.textKey(descriptor.name(), descriptor.version());
        List<Example> sorted = CorpusFiles.sorted(examples);
        try {
            Optional<CorpusManifest> existing = manifest(descriptor.name(), descriptor.version());
            String sha = existing.isPresent() ? CorpusFiles.sha256(sorted)
                    : store.write(examplesKey, out -> CorpusFiles.writeLines(sorted, out)).sha256();
            String textSha = text.isEmpty() ? null : existing.isPresent() ? CorpusFiles.sha256(text)
                    : store.write(textKey, out -> CorpusFiles.writeLines(text, out)).sha256();
            CorpusManifest manifest = CorpusStats.manifest(descriptor, sorted, sha, store.uri(examplesKey).toString(),
                    textSha == null ? null : store.uri(textKey).toString());
            if (existing.isEmpty()) {
                store.writeBytes(CorpusLayout.manifestKey(descriptor.name(), descriptor.version()),
                        CorpusFiles.manifestBytes(manifest));
                return manifest;
            }
            String storedTextSha = store.find(textKey).map(Artifact::sha256).orElse(null);
            if (existing.get().equals(manifest) && Objects.equals(textSha, storedTextSha)) {
                return existing.get();
            }
            throw new CorpusConflictException("corpus " + descriptor.name() + " version " + descriptor.version()
                    + " is already registered with other content (stored examples sha256 " + existing.get().sha256()
                    + ", new " + sha + "); register it under a new version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest version of every corpus, sorted by name. Use {@link #versions} for the others. */
    public List<CorpusManifest> list() {
        Map<String, String> latest = new TreeMap<>();
        for (CorpusLayout.Entry entry : entries(CorpusLayout.ROOT)) {
            latest.merge(entry.name(), entry.version(),
                    (a, b) -> CorpusVersions.ORDER.compare(a, b) >= 0 ? a : b);
        }
        List<CorpusManifest> out = new ArrayList<>();
        latest.forEach((name, version) -> manifest(name, version).ifPresent(out::add));
        return out;
    }

    /** Every registered version of {@code name}, oldest first. */
    public List<String> versions(String name) {
        return entries(CorpusLayout.namePrefix(name)).stream().map(CorpusLayout.Entry::version)
                .sorted(CorpusVersions.ORDER).toList();
    }

    /** The manifest of the latest version of {@code name}. */
    public Optional<CorpusManifest> manifest(String name) {
        List<String> versions = versions(name);
        return versions.isEmpty() ? Optional.empty() : manifest(name, versions.get(versions.size() - 1));
    }

    /** The manifest of one version. */
    public Optional<CorpusManifest> manifest(String name, String version) {
        try {
            Optional<java.net.URI> artifact = store.locate(CorpusLayout.manifestKey(name, version));
            return artifact.isEmpty() ? Optional.empty()
                    : Optional.of(CorpusFiles.readManifest(store.readBytes(artifact.get())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest version of {@code name}, loaded (cached). */
    public Corpus load(String name) {
        return load(manifest(name).orElseThrow(() -> new CorpusNotFoundException("no corpus named " + name)));
    }

    /** One version, loaded (cached). */
    public Corpus load(String name, String version) {
        return load(manifest(name, version)
                .orElseThrow(() -> new CorpusNotFoundException("no corpus " + name + " version " + version)));
    }

    private Corpus load(CorpusManifest manifest) {
        return cache.get(manifest, () -> new Corpus(manifest, CorpusFiles.readExamples(store,
                store.uri(CorpusLayout.examplesKey(manifest.name(), manifest.version())), manifest)));
    }

    private List<CorpusLayout.Entry> entries(String under) {
        try {
            return store.list(under).stream().flatMap(key -> CorpusLayout.parseManifestKey(key).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
