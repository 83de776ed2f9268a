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

    /** Largest accepted experiment spec, in bytes. Default 1 MiB. */
    @WithDefault("1048576")
    int maxSpecBytes();

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
