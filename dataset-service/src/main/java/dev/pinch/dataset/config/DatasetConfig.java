package dev.pinch.dataset.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** dataset-service settings: {@code pinch.dataset.*}. */
@ConfigMapping(prefix = "pinch.dataset")
public interface DatasetConfig {

    /** Build and register the built-in corpus at start-up when it is not in the store yet. Default true. */
    @WithDefault("true")
    boolean builtinCorpus();

    /** CloudEvents {@code source} of the events this service emits. Default {@code /pinch/dataset-service}. */
    @WithDefault("/pinch/dataset-service")
    String eventSource();

    /** Largest accepted experiment spec (REST body or trigger event), in bytes. Default 1 MiB. */
    @WithDefault("1048576")
    int maxSpecBytes();

    /** Deepest nesting of objects and arrays in an experiment spec. Default 32. */
    @WithDefault("32")
    int maxJsonDepth();

    /** Most mixes one experiment may plan (designs × seeds). Default 500 (the paper's design has 65). */
    @WithDefault("500")
    int maxMixes();

    /** Largest {@code training.maxSteps}. Default 1,000,000. */
    @WithDefault("1000000")
    int maxSteps();

    /** Largest {@code training.epochs}. Default 100. */
    @WithDefault("100")
    int maxEpochs();

    /** Largest {@code training.batchSize} and {@code eval.batchSize}. Default 1,024. */
    @WithDefault("1024")
    int maxBatchSize();

    /** Largest {@code training.maxSeqLen}. Default 32,768. */
    @WithDefault("32768")
    int maxSeqLen();

    /** Largest {@code eval.maxNewTokens}. Default 4,096. */
    @WithDefault("4096")
    int maxNewTokens();

    /** Largest {@code eval.maxPromptsPerLanguage}. Default 10,000. */
    @WithDefault("10000")
    int maxPromptsPerLanguage();

    /**
     * How long to wait for the broker to acknowledge an experiment's MixReady events; past it the outbox retries with
     * backoff (1 s, doubling up to 1 min) and again at the next start. Default 30 s.
     */
    @WithDefault("PT30S")
    java.time.Duration publishTimeout();

    /**
     * The names of the LLM judges the evaluator offers ({@code pinch.evaluator.judges.<name>}): an experiment whose
     * {@code eval.judge.name} (or {@code secondJudge.name}) is not among them is refused on arrival. Set it from the
     * same values as the evaluator's (compose and k8s do). Default: none, so only the reference judge.
     */
    Optional<List<String>> judges();
}
