package dev.pinch.bench;

import dev.pinch.dataset.domain.AssembledMix;
import dev.pinch.dataset.domain.Corpus;
import dev.pinch.dataset.domain.CorpusManifest;
import dev.pinch.dataset.domain.DesignPlanner;
import dev.pinch.dataset.domain.DesignSpec;
import dev.pinch.dataset.domain.Example;
import dev.pinch.dataset.domain.ExperimentSpec;
import dev.pinch.dataset.domain.Languages;
import dev.pinch.dataset.domain.MixAssembler;
import dev.pinch.dataset.domain.MixPlan;
import dev.pinch.dataset.domain.Split;
import dev.pinch.dataset.domain.SpecValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Assembles the paper's whole design set (12 monolingual, the 11-point pinch sweep, seen-unseen,
 * language-count 1..6 × 3 orderings, bilingual pairs: 58 mixes) from a 4,640-example × 12-language
 * parallel corpus, serializing every mix to JSONL. SampleTime mode reports the median (p0.50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PaperDesignBench {

    private Corpus corpus;
    private ExperimentSpec spec;

    @Setup
    public void setUp() {
        List<Example> examples = new ArrayList<>();
        for (String lang : Languages.PAPER) {
            for (int i = 0; i < 4640; i++) {
                String id = String.format("ex-%05d", i);
                examples.add(new Example(id, lang, i % 2 == 0 ? "topic" : "continuation", Split.TRAIN,
                        "Instruction " + lang + " " + id + " with a realistic amount of text in it, about a sentence.",
                        "Response " + lang + " " + id + " that is also about one sentence long, give or take."));
            }
        }
        CorpusManifest manifest = new CorpusManifest("bench", "1", "synthetic", "CC0-1.0", Languages.PAPER,
                Map.of(), Map.of(), Map.of(), 4640, null, null, null);
        corpus = new Corpus(manifest, examples);
        List<DesignSpec> designs = List.of(
                new DesignSpec("monolingual", null, null, null, null, null, null, null, null),
                new DesignSpec("pinch", null, null, null, null, null, null, null, null),
                new DesignSpec("seen-unseen", null, null, null, null, null, null, null, null),
                new DesignSpec("language-count", null, null, null, null, null, null, null, null),
                new DesignSpec("bilingual-pairs", null, null, null, null, null, null, null, null));
        ExperimentSpec raw = new ExperimentSpec("bench", "bench", 4640, 1L, null, Map.of(), Map.of(), designs);
        if (!SpecValidator.validate(raw, corpus).isEmpty()) {
            throw new IllegalStateException(SpecValidator.validate(raw, corpus).toString());
        }
        spec = SpecValidator.normalize(raw, corpus);
    }

    @Benchmark
    public int assemblePaperDesignSet(Blackhole hole) throws IOException {
        List<String> order = MixAssembler.idOrder(corpus, spec.seed());
        int mixes = 0;
        OutputStream sink = OutputStream.nullOutputStream();
        for (MixPlan plan : DesignPlanner.plan(spec, spec.budget())) {
            AssembledMix mix = MixAssembler.assemble(corpus, plan, spec.seed(), order);
            MixAssembler.writeJsonl(mix.examples(), sink);
            hole.consume(mix.manifest());
            mixes++;
        }
        return mixes;
    }
}
