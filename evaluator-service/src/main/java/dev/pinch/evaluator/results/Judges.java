package dev.pinch.evaluator.results;

import dev.pinch.evaluator.config.EvaluatorConfig;
import dev.pinch.evaluator.config.JudgeEndpointConfig;
import dev.pinch.evaluator.judge.ApiKey;
import dev.pinch.evaluator.judge.Judge;
import dev.pinch.evaluator.judge.LlmJudge;
import dev.pinch.evaluator.judge.LlmJudgeConfig;
import dev.pinch.evaluator.judge.MeteredJudge;
import dev.pinch.evaluator.judge.PromptTemplate;
import dev.pinch.evaluator.judge.ReferenceJudge;
import dev.pinch.evaluator.planning.JudgeSpec;
import dev.pinch.evaluator.scoring.LabelSets;
import dev.pinch.evaluator.scoring.LanguageIdentifier;
import dev.pinch.evaluator.scoring.ResponseLanguage;
import dev.pinch.evaluator.scoring.TaskScorer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the judge of an eval plan, metered ({@code pinch.judge.latency}, {@code pinch.judge.errors}). An LLM judge
 * is one the operator configured ({@code pinch.evaluator.judges.<name>}: endpoint, model, the environment variable
 * holding its key, request limits); the experiment only names it. LLM judges are kept per spec, so that their concurrency limit spans every evaluation and their verdict cache
 * ({@code <workDir>/verdicts/<judge name>.jsonl}) is loaded once.
 */
@ApplicationScoped
public class Judges {

    private final LanguageIdentifier identifier;
    private final TaskScorer taskScorer;
    private final MeterRegistry registry;
    private final Path verdicts;
    private final Map<String, JudgeEndpointConfig> endpoints;
    private final Map<JudgeSpec, Judge> llmJudges = new ConcurrentHashMap<>();

    public Judges(LanguageIdentifier identifier, TaskScorer taskScorer, MeterRegistry registry, EvaluatorConfig config) {
        this.identifier = identifier;
        this.taskScorer = taskScorer;
        this.registry = registry;
        this.verdicts = Path.of(config.workDir(), "verdicts");
        this.endpoints = config.judges();
    }

    /**
     * The judge of {@code spec} for an experiment with {@code experimentLanguages}, whose classification tasks answer
     * with {@code labels}.
     *
     * @throws IllegalStateException when an LLM judge is not configured or its API key variable is unset
     */
    public Judge judge(JudgeSpec spec, Set<String> experimentLanguages, LabelSets labels) {
        if (spec.isReference()) {
            return new MeteredJudge(new ReferenceJudge(new ResponseLanguage(identifier, taskScorer, labels,
                    experimentLanguages), taskScorer, spec.tieMargin()), registry);
        }
        return llmJudges.computeIfAbsent(spec, s -> new MeteredJudge(new LlmJudge(llmConfig(s)), registry));
    }

    private LlmJudgeConfig llmConfig(JudgeSpec s) {
        JudgeEndpointConfig endpoint = endpoints.get(s.judge());
        if (endpoint == null) {
            throw new IllegalStateException("no judge named '" + s.judge() + "' is configured on the evaluator");
        }
        ApiKey key = endpoint.apiKeyEnv().map(ApiKey::fromEnv).orElse(ApiKey.none());
        Duration timeout = endpoint.timeout();
        return LlmJudgeConfig.builder(endpoint.baseUrl(), endpoint.model())
                .apiKey(key)
                .template(s.template() == null ? PromptTemplate.DEFAULT : new PromptTemplate(s.template()))
                .timeouts(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10), timeout)
                .retries(endpoint.maxAttempts(), Duration.ofSeconds(1), Duration.ofSeconds(30))
                .maxConcurrency(endpoint.maxConcurrency())
                .maxTokens(endpoint.maxTokens())
                .cacheFile(verdicts.resolve(s.name() + ".jsonl"))
                .build();
    }
}
