package dev.pinch.evaluator.config;

import dev.pinch.events.settings.ComputeDevice;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * evaluator-service settings: {@code pinch.evaluator.*}. Every default below can be overridden per experiment
 * through the experiment's eval config (see {@code dev.pinch.evaluator.planning.EvalPlans}) where it says so.
 */
@ConfigMapping(prefix = "pinch.evaluator")
public interface EvaluatorConfig {

    /**
     * Evaluations generating at the same time. Default 1: one model per device, since a second generation on the
     * same CPU cores or GPU only slows both down.
     */
    @WithDefault("1")
    @Min(1)
    int concurrency();

    /**
     * Whether intermediate (non-final) checkpoints are evaluated too. Default false: only final checkpoints. An
     * experiment can ask for them with {@code eval.includeIntermediate: true}.
     */
    @WithDefault("false")
    boolean includeIntermediate();

    /**
     * Local scratch directory; the LLM judge's verdict cache lives in {@code <workDir>/verdicts/}. Default
     * {@code ./pinch-data/evaluator-work}.
     */
    @WithDefault("./pinch-data/evaluator-work")
    String workDir();

    /** CloudEvents {@code source} of the events this service emits. Default {@code /pinch/evaluator-service}. */
    @WithDefault("/pinch/evaluator-service")
    String eventSource();

    /** How long to wait for the broker to acknowledge one EvaluationReady (it is re-sent at the next start). */
    @WithDefault("PT30S")
    Duration publishTimeout();

    /** How long a shutdown waits for running generations to stop at their next batch. Default 30 s. */
    @WithDefault("PT30S")
    Duration shutdownGrace();

    /**
     * Device that generates: {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto} ({@link ComputeDevice}'s
     * spellings, read at startup); eval key {@code device}.
     */
    @WithDefault("auto")
    ComputeDevice device();

    /** Corpus whose test split is the default eval set when an experiment names none. Default {@code builtin}. */
    @WithDefault("builtin")
    String defaultCorpus();

    /**
     * The only directory an experiment's {@code eval.promptsPath} is read from (a relative path under it, checked
     * again after following symlinks). Default {@code <pinch.store.root>/prompts}, never {@code /};
     * {@code bin/pinch} sets {@code <data dir>/imports}.
     */
    @WithDefault("${pinch.store.root}/prompts")
    String promptsRoot();

    /** Largest prompts file read ({@code eval.promptsPath} or {@code promptsUri}), in bytes. Default 64 MiB. */
    @WithDefault("67108864")
    @Min(1)
    long maxPromptsBytes();

    /** Split of the corpus used as the eval set; eval key {@code split}. Default {@code test}. */
    @WithDefault("test")
    String split();

    /**
     * Prompts per language taken from the eval set (tasks interleaved, in id order), so that a CPU evaluation of one
     * checkpoint in 12 languages stays within minutes; 0 takes all. Eval key {@code maxPromptsPerLanguage}.
     * Default 50.
     */
    @WithDefault("50")
    @Min(0)
    int maxPromptsPerLanguage();

    /**
     * Eval languages when the eval config names none and the experiment record is not in the store: these,
     * intersected with the eval set's languages (plus the checkpoint's own tuning languages). Default: the
     * paper's 12.
     */
    @WithDefault("ar,zh,cs,en,et,fi,he,hi,it,ru,es,sw")
    List<String> fallbackLanguages();

    /** Prompts generated together (one KV-cached batch); eval key {@code batchSize}. Default 8. */
    @WithDefault("8")
    @Min(1)
    int batchSize();

    /** Most new tokens per response; eval key {@code maxNewTokens}. Default 128. */
    @WithDefault("128")
    @Min(1)
    int maxNewTokens();

    /** Sampling temperature, 0 = greedy; eval key {@code temperature}. Default 0. */
    @WithDefault("0")
    @DecimalMin("0")
    double temperature();

    /** Nucleus mass for sampling; eval key {@code topP}. Default 1. */
    @WithDefault("1")
    double topP();

    /** Sampling seed; eval key {@code seed}. Default 1. */
    @WithDefault("1")
    long seed();

    /** Stop a response at EOS; eval key {@code stopOnEos}. Default true. */
    @WithDefault("true")
    boolean stopOnEos();

    /** Reference judge: task-score differences up to this many points tie; eval key {@code judge.tieMargin}. */
    @WithDefault("1.0")
    @DecimalMin("0")
    double tieMargin();

    /**
     * The LLM judges experiments may name, by name ({@code pinch.evaluator.judges.<name>.base-url}, {@code .model},
     * {@code .api-key-env}, ...; see {@link JudgeEndpointConfig}). Default: none, so only the reference judge. The
     * dataset-service's {@code pinch.dataset.judges} lists the same names, to refuse others on arrival.
     */
    Map<String, JudgeEndpointConfig> judges();

    /** Prompts judged at once by the SxS scorer (an LLM judge also limits its own requests). Default 4. */
    @WithDefault("4")
    @Min(1)
    int judgeParallelism();

    /**
     * Confusable languages added to response-language checks, e.g. {@code hr=sr,sl; cs=sk}. Default: the built-in
     * list of {@code ConfusableLanguages.defaults()} (English always included).
     */
    Optional<String> confusableLanguages();

    /** Lingua accuracy mode: {@code HIGH} (1-5-grams, default) or {@code LOW} (trigrams, about 30 MB). */
    @WithDefault("HIGH")
    String languageIdAccuracy();
}
