package dev.pinch.evaluator.judge;

import dev.pinch.evaluator.scoring.ResponseLanguage;
import dev.pinch.evaluator.scoring.TaskScorer;
import java.util.Locale;

/**
 * The default, deterministic judge. A response not in the prompt's language loses ({@link ResponseLanguage}: a label
 * of the prompt's classification task in its language is in it; otherwise language identification restricted to the
 * experiment's languages plus the confusable ones); when both or neither are in the language, the higher task score
 * ({@link TaskScorer}: label match, exact match or chrF) wins, and scores within the tie margin tie. Without a
 * reference only the language check can decide.
 */
public final class ReferenceJudge implements Judge {

    /** Default tie margin, in task-score points (0-100). */
    public static final double DEFAULT_TIE_MARGIN = 1.0;

    private final ResponseLanguage language;
    private final TaskScorer taskScorer;
    private final double tieMargin;

    /**
     * A judge for one experiment.
     *
     * @param language   decides whether a response is in its prompt's language
     * @param taskScorer scores responses against references
     * @param tieMargin  score differences up to this many points (inclusive) are ties; must be >= 0
     */
    public ReferenceJudge(ResponseLanguage language, TaskScorer taskScorer, double tieMargin) {
        if (!(tieMargin >= 0)) {
            throw new IllegalArgumentException("tie margin must be >= 0, got " + tieMargin);
        }
        this.language = language;
        this.taskScorer = taskScorer;
        this.tieMargin = tieMargin;
    }

    @Override
    public String id() {
        return "reference";
    }

    @Override
    public Verdict compare(JudgeRequest r) {
        boolean aInLanguage = inLanguage(r, r.responseA());
        boolean bInLanguage = inLanguage(r, r.responseB());
        if (aInLanguage != bInLanguage) {
            String wrong = aInLanguage ? "B" : "A";
            return Verdict.of(aInLanguage ? Verdict.Choice.A : Verdict.Choice.B,
                    "response " + wrong + " is not in " + r.lang());
        }
        String languages = aInLanguage ? "both in " + r.lang() : "neither in " + r.lang();
        if (r.reference() == null) {
            return Verdict.of(Verdict.Choice.TIE, languages + "; no reference to compare with");
        }
        double a = taskScorer.score(r.task(), r.responseA(), r.reference());
        double b = taskScorer.score(r.task(), r.responseB(), r.reference());
        String scores = String.format(Locale.ROOT, "%s; task score A %.2f, B %.2f", languages, a, b);
        if (Math.abs(a - b) <= tieMargin) {
            return Verdict.of(Verdict.Choice.TIE, scores);
        }
        return Verdict.of(a > b ? Verdict.Choice.A : Verdict.Choice.B, scores);
    }

    private boolean inLanguage(JudgeRequest r, String response) {
        return language.inLanguage(r.lang(), r.task(), response, r.reference());
    }
}
