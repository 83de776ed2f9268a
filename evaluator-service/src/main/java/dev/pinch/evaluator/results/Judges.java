package dev.pinch.evaluator.results;

import dev.pinch.evaluator.config.EvaluatorConfig;
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
 * Builds the judge of an eval plan, metered ({@code pinch.judge.latency}, {@code pinch.judge.errors}). LLM judges
 * are kept per spec, so that their concurrency limit spans every evaluation and their verdict cache
 * ({@code <workDir>/verdicts/<judge name>.jsonl}) is loaded once.
 */
@ApplicationScoped
public class Judges {

    private final LanguageIdentifier identifier;
    private final TaskScorer taskScorer;
    private final MeterRegistry registry;
    private final Path verdicts;
    private final Map<JudgeSpec, Judge> llmJudges = new ConcurrentHashMap<>();

    public Judges(LanguageIdentifier identifier, TaskScorer taskScorer, MeterRegistry registry, EvaluatorConfig config) {
        this.identifier = identifier;
        this.taskScorer = taskScorer;
        this.registry = registry;
        this.verdicts = Path.of(config.workDir(), "verdicts");
    }

    /**
     * The judge of {@code spec} for an experiment with {@code experimentLanguages}, whose classification tasks answer
     * with {@code labels}.
     *
     * @throws IllegalStateException when an LLM judge's API key secret cannot be read
     */
    public Judge judge(JudgeSpec spec, Set<String> experimentLanguages, LabelSets labels) {
        if (spec.isReference()) {
            return new MeteredJudge(new ReferenceJudge(new ResponseLanguage(identifier, taskScorer, labels,
                    experimentLanguages), taskScorer, spec.tieMargin()), registry);
        }
        return llmJudges.computeIfAbsent(spec, s -> new MeteredJudge(new LlmJudge(llmConfig(s)), registry));
    }

    private LlmJudgeConfig llmConfig(JudgeSpec s) {
        ApiKey key = s.apiKeyEnv() != null ? ApiKey.fromEnv(s.apiKeyEnv())
                : s.apiKeyFile() != null ? ApiKey.fromFile(Path.of(s.apiKeyFile())) : ApiKey.none();
        return LlmJudgeConfig.builder(s.baseUrl(), s.model())
                .apiKey(key)
                .template(s.template() == null ? PromptTemplate.DEFAULT : new PromptTemplate(s.template()))
                .timeouts(Duration.ofSeconds(Math.min(10, s.timeoutSeconds())), Duration.ofSeconds(s.timeoutSeconds()))
                .retries(s.maxAttempts(), Duration.ofSeconds(1), Duration.ofSeconds(30))
                .maxConcurrency(s.maxConcurrency())
                .maxTokens(s.maxTokens())
                .cacheFile(verdicts.resolve(s.name() + ".jsonl"))
                .build();
    }
}
