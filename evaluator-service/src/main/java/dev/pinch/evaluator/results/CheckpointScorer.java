package dev.pinch.evaluator.results;

import dev.pinch.evaluator.config.EvaluatorConfig;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.evaluator.generation.GeneratedResponse;
import dev.pinch.evaluator.judge.SxsPrompt;
import dev.pinch.evaluator.judge.SxsResult;
import dev.pinch.evaluator.judge.SxsScorer;
import dev.pinch.evaluator.planning.JudgeSpec;
import dev.pinch.evaluator.scoring.Degeneracy;
import dev.pinch.evaluator.scoring.LabelSets;
import dev.pinch.evaluator.scoring.LanguageConfusion;
import dev.pinch.evaluator.scoring.LanguageIdentifier;
import dev.pinch.evaluator.scoring.ResponseLanguage;
import dev.pinch.evaluator.scoring.TaskScorer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The per-language scores of one checkpoint from its stored responses, per prompt and in aggregate: whether the
 * response is in the prompt's language ({@link ResponseLanguage}: a label of the prompt's classification task in its
 * language is; otherwise Lingua, restricted to the experiment's languages and the confusable ones), the task score ({@link TaskScorer}; the mean is NaN when no prompt has a reference), whether it is
 * degenerate ({@link Degeneracy}), LCB's line- and word-level checks ({@link LanguageConfusion}), a classification
 * prompt's answer beside its expected label; and the SxS
 * judgements against a baseline's responses to the same prompts.
 */
@ApplicationScoped
public class CheckpointScorer {

    private final LanguageIdentifier identifier;
    private final TaskScorer taskScorer;
    private final LanguageConfusion confusion;
    private final Judges judges;
    private final SxsScorer sxs;

    public CheckpointScorer(LanguageIdentifier identifier, TaskScorer taskScorer, Judges judges,
            EvaluatorConfig config) {
        this.identifier = identifier;
        this.taskScorer = taskScorer;
        this.confusion = new LanguageConfusion(identifier);
        this.judges = judges;
        this.sxs = new SxsScorer(config.judgeParallelism());
    }

    /**
     * Every measure but SxS of one language's responses.
     *
     * @param maxNewTokens the generation budget: a response of that many tokens stopped at the limit
     */
    public LanguageScore score(String lang, Collection<GeneratedResponse> responses, Set<String> experimentLanguages,
            int maxNewTokens, LabelSets labels) {
        ResponseLanguage language = new ResponseLanguage(identifier, taskScorer, labels, experimentLanguages);
        List<PromptResult> results = new ArrayList<>();
        for (GeneratedResponse r : responses) {
            boolean inLanguage = language.inLanguage(lang, r.task(), r.response(), r.reference());
            Double task = r.reference() == null ? null : taskScorer.score(r.task(), r.response(), r.reference());
            LanguageConfusion.Result lcb = confusion.check(r.response(), lang, experimentLanguages);
            results.add(new PromptResult(r.id(), r.task(), inLanguage, task,
                    Degeneracy.degenerate(r.response(), r.tokens() >= maxNewTokens), lcb.linePass(), lcb.wordPass(),
                    null, null, null, null, label(lang, r, labels)));
        }
        int n = results.size();
        return new LanguageScore(lang, n, n == 0 ? 0 : rate(results.stream().map(PromptResult::inLanguage).toList()),
                results.stream().filter(r -> r.task() != null).mapToDouble(PromptResult::task).average().orElse(Double.NaN),
                null, null, n == 0 ? null : rate(results.stream().map(PromptResult::degenerate).toList()),
                rate(results.stream().map(PromptResult::linePass).toList()),
                rate(results.stream().map(PromptResult::wordPass).toList()), results,
                CellExamples.pick(results, null, responses.stream()
                        .collect(Collectors.toMap(GeneratedResponse::id, r -> r, (a, b) -> a)), Map.of()));
    }

    /**
     * The SxS judgements of the candidate's responses against the baseline's, over the prompts both answered.
     *
     * @return the result, or null when they share no prompt
     */
    public SxsResult sxs(JudgeSpec spec, Set<String> experimentLanguages, LabelSets labels,
            Collection<GeneratedResponse> candidate, Map<String, GeneratedResponse> baseline) {
        List<SxsPrompt> prompts = new ArrayList<>();
        for (GeneratedResponse c : candidate) {
            GeneratedResponse b = baseline.get(c.id());
            if (b != null) {
                prompts.add(new SxsPrompt(c.id(), c.lang(), c.task(), c.instruction(), c.reference(), c.response(),
                        b.response()));
            }
        }
        return prompts.isEmpty() ? null : sxs.score(judges.judge(spec, experimentLanguages, labels), prompts);
    }

    /** The answer and the expected label of a classification prompt with a reference; null otherwise. */
    private PromptResult.Label label(String lang, GeneratedResponse r, LabelSets labels) {
        if (r.reference() == null || !taskScorer.isClassification(r.task())) {
            return null;
        }
        String response = r.response() == null ? "" : r.response();
        return new PromptResult.Label(TaskScorer.normaliseLabel(response), TaskScorer.normaliseLabel(r.reference()),
                labels.isLabel(lang, r.task(), response));
    }

    /** The share of true among the non-null values, or null when all are null. */
    static Double rate(List<Boolean> values) {
        long counted = values.stream().filter(v -> v != null).count();
        return counted == 0 ? null : (double) values.stream().filter(Boolean.TRUE::equals).count() / counted;
    }
}
