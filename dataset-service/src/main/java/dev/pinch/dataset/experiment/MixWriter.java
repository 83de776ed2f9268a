package dev.pinch.dataset.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pinch.dataset.domain.AssembledMix;
import dev.pinch.dataset.domain.Corpus;
import dev.pinch.dataset.domain.Experiment.MixRecord;
import dev.pinch.dataset.domain.ExperimentSpec;
import dev.pinch.dataset.domain.MixAssembler;
import dev.pinch.dataset.domain.MixPlan;
import dev.pinch.dataset.domain.SpecValidator;
import dev.pinch.events.CorpusRef;
import dev.pinch.events.EventCodec;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Draws each planned mix from the corpus and writes it, with its manifest, to {@code mixes/<mix id>.*}. */
@ApplicationScoped
public class MixWriter {

    private static final Pattern MIX_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}\\.[A-Za-z0-9][A-Za-z0-9._-]{0,150}");
    private static final ObjectMapper MANIFEST = EventCodec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final ArtifactStore store;
    private final Timer assembly;

    public MixWriter(ArtifactStore store, MeterRegistry registry) {
        this.store = store;
        this.assembly = Timer.builder("pinch.mix.assembly").description("Time to draw and write one mix")
                .register(registry);
    }

    /** Draws and writes {@code plans}: those validation computed and checked ({@link SpecValidator#check}). */
    List<MixRecord> writeAll(ExperimentSpec spec, List<MixPlan> plans, Corpus corpus, CorpusRef corpusRef) {
        List<MixRecord> records = new ArrayList<>();
        List<String> idOrder = MixAssembler.idOrder(corpus, spec.seed());
        for (MixPlan plan : plans) {
            records.add(assembly.record(() -> write(spec, corpus, corpusRef, plan, idOrder)));
        }
        return records;
    }

    private MixRecord write(ExperimentSpec spec, Corpus corpus, CorpusRef corpusRef, MixPlan plan,
            List<String> idOrder) {
        String mixId = spec.id() + "." + plan.name();
        AssembledMix mix = MixAssembler.assemble(corpus, plan, spec.seed(), idOrder);
        try {
            Artifact data = store.write(key(mixId, "jsonl"), out -> MixAssembler.writeJsonl(mix.examples(), out));
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("mixId", mixId);
            manifest.put("experimentId", spec.id());
            manifest.put("design", plan.design());
            manifest.put("corpus", corpusRef);
            manifest.put("uri", data.uri().toString());
            manifest.put("sha256", data.sha256());
            manifest.put("manifest", mix.manifest());
            Artifact manifestFile = store.writeBytes(key(mixId, "manifest.json"), MANIFEST.writeValueAsBytes(manifest));
            return new MixRecord(mixId, plan.name(), plan.design(), plan.counts(), plan.total(),
                    data.uri().toString(), data.sha256(), manifestFile.uri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mix " + mixId, e);
        }
    }

    /** The stored manifest of a mix, as JSON bytes. */
    public Optional<byte[]> manifest(String mixId) {
        return find(mixId, "manifest.json").map(a -> {
            try {
                return store.readBytes(a);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The mix's examples as JSONL. */
    public Optional<InputStream> examples(String mixId) {
        return find(mixId, "jsonl").map(a -> {
            try {
                return store.open(a);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Optional<java.net.URI> find(String mixId, String suffix) {
        if (!MIX_ID.matcher(mixId).matches()) {
            return Optional.empty();
        }
        try {
            return store.locate(key(mixId, suffix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String mixId, String suffix) {
        return "mixes/" + mixId + "." + suffix;
    }
}
