package dev.pinch.evaluator.service;

import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.generation.GeneratedResponse;
import dev.pinch.evaluator.judge.Judge;
import dev.pinch.evaluator.scoring.LanguageIdentifier;
import dev.pinch.evaluator.scoring.SxsPrompt;
import dev.pinch.evaluator.scoring.SxsResult;
import dev.pinch.evaluator.scoring.SxsScorer;
import dev.pinch.evaluator.scoring.TaskScorer;
import dev.pinch.evaluator.config.EvaluatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-language scores of one checkpoint from its stored responses: the share of responses in the prompt's
 * language (Lingua, restricted to the experiment's languages and the confusable ones; a response equal to a
 * classification prompt's reference label counts as in-language, labels being too short to identify), the mean task
 * score ({@link TaskScorer}; NaN when no prompt has a reference), and the SxS score against a baseline's responses
 * to the same prompts.
 */
@ApplicationScoped
public class CheckpointScorer {

    private final LanguageIdentifier identifier;
    private final TaskScorer taskScorer;
    private final Judges judges;
    private final SxsScorer sxs;

    public CheckpointScorer(LanguageIdentifier identifier, TaskScorer taskScorer, Judges judges,
            EvaluatorConfig config) {
        this.identifier = identifier;
        this.taskScorer = taskScorer;
        this.judges = judges;
        this.sxs = new SxsScorer(config.judgeParallelism());
    }

    /** Language rate and task score of one language's responses, without SxS. */
    public LanguageScore score(String lang, Collection<GeneratedResponse> responses, Set<String> experimentLanguages) {
        int inLanguage = 0;
        int scored = 0;
        double task = 0;
        for (GeneratedResponse r : responses) {
            boolean label = r.reference() != null && taskScorer.isClassification(r.task())
                    && TaskScorer.labelsMatch(r.response(), r.reference());
            if (label || identifier.isInLanguage(r.response(), lang, experimentLanguages)) {
                inLanguage++;
            }
            if (r.reference() != null) {
                task += taskScorer.score(r.task(), r.response(), r.reference());
                scored++;
            }
        }
        int n = responses.size();
        return new LanguageScore(lang, n, n == 0 ? 0 : (double) inLanguage / n, scored == 0 ? Double.NaN : task / scored,
                null, null);
    }

    /**
     * The SxS score of the candidate's responses against the baseline's, over the prompts both answered.
     *
     * @return the percentage (50: as good as the baseline), or null when they share no prompt
     */
    public Double sxs(JudgeSpec spec, Set<String> experimentLanguages, Collection<GeneratedResponse> candidate,
            Map<String, GeneratedResponse> baseline) {
        List<SxsPrompt> prompts = new ArrayList<>();
        for (GeneratedResponse c : candidate) {
            GeneratedResponse b = baseline.get(c.id());
            if (b != null) {
                prompts.add(new SxsPrompt(c.id(), c.lang(), c.task(), c.instruction(), c.reference(), c.response(),
                        b.response()));
            }
        }
        if (prompts.isEmpty()) {
            return null;
        }
        Judge judge = judges.judge(spec, experimentLanguages);
        SxsResult result = sxs.score(judge, prompts);
        return result.percentage();
    }
}
