package dev.pinch.dataset.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A loaded parallel corpus, indexed for mix assembly. Immutable. */
public final class Corpus {

    private final CorpusManifest manifest;
    private final List<Example> examples;
    private final Map<String, Map<String, Example>> trainByLanguage;

    public Corpus(CorpusManifest manifest, List<Example> examples) {
        this.manifest = manifest;
        this.examples = List.copyOf(examples);
        Map<String, Map<String, Example>> index = new TreeMap<>();
        for (Example e : this.examples) {
            if (e.split() == Split.TRAIN) {
                index.computeIfAbsent(e.lang(), l -> new TreeMap<>()).put(e.id(), e);
            }
        }
        this.trainByLanguage = index;
    }

    public CorpusManifest manifest() {
        return manifest;
    }

    public List<Example> examples() {
        return examples;
    }

    public List<String> languages() {
        return manifest.languages();
    }

    /** Ids with a train example in {@code lang}, sorted. */
    public Set<String> trainIds(String lang) {
        Map<String, Example> byId = trainByLanguage.get(lang);
        return byId == null ? Set.of() : Collections.unmodifiableSet(byId.keySet());
    }

    public Optional<Example> train(String id, String lang) {
        Map<String, Example> byId = trainByLanguage.get(lang);
        return Optional.ofNullable(byId == null ? null : byId.get(id));
    }

    /** Ids with a train example in every one of {@code langs}, sorted. */
    public Set<String> parallelTrainIds(List<String> langs) {
        TreeSet<String> ids = null;
        for (String lang : langs) {
            Set<String> own = trainIds(lang);
            if (ids == null) {
                ids = new TreeSet<>(own);
            } else {
                ids.retainAll(own);
            }
        }
        return ids == null ? Set.of() : Collections.unmodifiableSet(ids);
    }
}
