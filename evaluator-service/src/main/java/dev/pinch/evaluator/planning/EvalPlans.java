package dev.pinch.evaluator.planning;

import dev.pinch.evaluator.config.EvaluatorConfig;
import dev.pinch.evaluator.generation.EvalPrompt;
import dev.pinch.evaluator.generation.EvalPrompts;
import dev.pinch.evaluator.generation.GenerationSettings;
import dev.pinch.evaluator.scoring.LabelSets;
import dev.pinch.evaluator.scoring.TaskScorer;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.settings.ComputeDevice;
import dev.pinch.events.settings.EvalSettings;
import dev.pinch.events.settings.Precision;
import dev.pinch.store.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the {@link EvalPlan} of a checkpoint from {@code evalConfig} (keys: {@code languages},
 * {@code maxPromptsPerLanguage}, {@code corpus}, {@code corpusVersion}, {@code split}, {@code promptsUri} |
 * {@code promptsPath}, {@code evalSet}, {@code batchSize}, {@code maxNewTokens}, {@code temperature}, {@code topP},
 * {@code seed}, {@code stopOnEos}, {@code judge}, {@code secondJudge}, {@code device}, {@code precision},
 * {@code promptTemplate}, {@code includeIntermediate})
 * and the {@code pinch.evaluator.*} defaults; and loads the plan's prompts.
 */
@ApplicationScoped
public class EvalPlans {

    private final EvaluatorConfig config;
    private final ExperimentCatalog catalog;
    private final PromptSources sources;
    private final ArtifactStore store;
    private final TaskScorer taskScorer;
    private final Map<String, LabelSets> labels = new java.util.concurrent.ConcurrentHashMap<>();

    public EvalPlans(EvaluatorConfig config, ExperimentCatalog catalog, PromptSources sources, ArtifactStore store,
            TaskScorer taskScorer) {
        this.taskScorer = taskScorer;
        this.config = config;
        this.catalog = catalog;
        this.sources = sources;
        this.store = store;
    }

    /** Whether the checkpoint is evaluated: final ones always, intermediate ones when configured. */
    public boolean wanted(CheckpointReady c) {
        return c.finalCheckpoint() || or(settings(c).includeIntermediate(), config.includeIntermediate());
    }

    /**
     * The checkpoint's eval settings, read by the parser the dataset-service checked them with on arrival.
     *
     * @throws dev.pinch.events.settings.InvalidSettingsException naming every bad field
     */
    public static EvalSettings settings(CheckpointReady c) {
        return EvalSettings.from(c.evalConfig());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /**
     * The plan of a checkpoint.
     *
     * @throws InvalidEvalConfigException naming the field that cannot be used
     */
    public EvalPlan plan(CheckpointReady c) {
        EvalSettings eval = settings(c);
        PromptSources.Source source = sources.resolve(eval, c);
        List<String> languages = languages(eval, c, source.languages());
        Set<String> experiment = new LinkedHashSet<>(languages);
        experiment.addAll(catalog.experimentLanguages(c.experimentId()));
        if (c.design() != null && c.design().languages() != null) {
            experiment.addAll(c.design().languages());
        }
        GenerationSettings generation;
        try {
            generation = new GenerationSettings(or(eval.batchSize(), config.batchSize()),
                    or(eval.maxNewTokens(), config.maxNewTokens()), or(eval.temperature(), config.temperature()),
                    or(eval.topP(), config.topP()), or(eval.seed(), config.seed()),
                    or(eval.stopOnEos(), config.stopOnEos()));
        } catch (IllegalArgumentException e) {
            throw new InvalidEvalConfigException("generation", e.getMessage());
        }
        ComputeDevice device = or(eval.device(), config.device());
        Precision precision = or(eval.precision(), Precision.AUTO); // the evaluator's auto: fp32
        return new EvalPlan(checkName(or(eval.evalSet(), source.evalSet())), source.split(), source.uri(), languages,
                new ArrayList<>(experiment), or(eval.maxPromptsPerLanguage(), config.maxPromptsPerLanguage()),
                generation, configured(JudgeSpec.of(eval.judge(), config.tieMargin()), "judge"), device.toString(),
                (precision == Precision.AUTO ? Precision.FP32 : precision).toString(),
                eval.promptTemplate(),
                eval.secondJudge() == null ? null
                        : configured(JudgeSpec.of(eval.secondJudge(), config.tieMargin()), "secondJudge"));
    }

    /** An LLM judge must be one the operator configured here ({@code pinch.evaluator.judges.<name>}). */
    private JudgeSpec configured(JudgeSpec judge, String field) {
        if (!judge.isReference() && !config.judges().containsKey(judge.judge())) {
            throw new InvalidEvalConfigException(field + ".name", "no judge named '" + judge.judge()
                    + "' is configured on the evaluator (configured: " + new java.util.TreeSet<>(config.judges().keySet())
                    + ")");
        }
        return judge;
    }

    /**
     * The plan's prompts per eval language: a sample stratified by task and seeded by the plan's {@code seed}
     * ({@link EvalPrompts#select}).
     */
    public Map<String, List<EvalPrompt>> prompts(EvalPlan plan) {
        return EvalPrompts.select(all(plan), plan.languages(), plan.maxPromptsPerLanguage(),
                plan.generation().seed());
    }

    /** The labels of the classification tasks of the plan's prompt source, per language (every prompt, not the sample). */
    public LabelSets labels(EvalPlan plan) {
        return labels.computeIfAbsent(plan.promptsUri() + "#" + plan.corpusSplit(), k -> {
            LabelSets.Builder b = LabelSets.builder(taskScorer);
            all(plan).forEach(p -> b.add(p.lang(), p.task(), p.reference()));
            return b.build();
        });
    }

    private List<EvalPrompt> all(EvalPlan plan) {
        try (InputStream in = store.open(URI.create(plan.promptsUri()))) {
            return plan.corpusSplit() != null ? EvalPrompts.fromCorpus(in, plan.corpusSplit())
                    : EvalPrompts.fromUserJsonl(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prompts of eval set " + plan.evalSet(), e);
        }
    }

    private List<String> languages(EvalSettings eval, CheckpointReady c, Set<String> available) {
        List<String> given = eval.languages();
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                if (!available.contains(given.get(i))) {
                    throw new InvalidEvalConfigException("languages[" + i + "]", "'" + given.get(i)
                            + "' has no prompts in the eval set (it has " + available + ")");
                }
            }
            return given;
        }
        List<String> wanted = catalog.experimentLanguages(c.experimentId());
        if (wanted.isEmpty()) {
            wanted = new ArrayList<>(config.fallbackLanguages());
            if (c.design() != null && c.design().languages() != null) {
                wanted.addAll(c.design().languages());
            }
        }
        List<String> out = wanted.stream().distinct().filter(available::contains).toList();
        if (out.isEmpty()) {
            throw new InvalidEvalConfigException("languages", "is not given and none of the experiment's languages "
                    + wanted + " has prompts in the eval set (it has " + available + ")");
        }
        return out;
    }

    /** The eval set name is part of store keys: a split or corpus name must not smuggle a path into it. */
    private static String checkName(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._=+-]{0,150}")) {
            throw new InvalidEvalConfigException("evalSet", "must be letters, digits and ._=+- , was '" + name + "'");
        }
        return name;
    }
}
