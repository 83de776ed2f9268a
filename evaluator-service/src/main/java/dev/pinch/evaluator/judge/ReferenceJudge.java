package dev.pinch.evaluator.judge;

import dev.pinch.evaluator.scoring.LanguageIdentifier;
import dev.pinch.evaluator.scoring.TaskScorer;
import java.util.Locale;
import java.util.Set;

/**
 * The default, deterministic judge. A response not in the prompt's language loses (language identification
 * restricted to the experiment's languages plus the confusable ones); when both or neither are in the language,
 * the higher task score ({@link TaskScorer}: label match or chrF) wins, and scores within the tie margin tie.
 * A response that matches the reference label counts as in-language whatever the identifier says (one-word
 * labels are too short to identify). Without a reference only the language check can decide.
 */
public final class ReferenceJudge implements Judge {

    /** Default tie margin, in task-score points (0-100). */
    public static final double DEFAULT_TIE_MARGIN = 1.0;

    private final LanguageIdentifier languageIdentifier;
    private final TaskScorer taskScorer;
    private final Set<String> experimentLanguages;
    private final double tieMargin;

    /**
     * A judge for one experiment.
     *
     * @param languageIdentifier  identifies response languages
     * @param taskScorer          scores responses against references
     * @param experimentLanguages the experiment's languages (ISO 639-1)
     * @param tieMargin           score differences up to this many points (inclusive) are ties; must be >= 0
     */
    public ReferenceJudge(LanguageIdentifier languageIdentifier, TaskScorer taskScorer,
                          Set<String> experimentLanguages, double tieMargin) {
        if (!(tieMargin >= 0)) {
            throw new IllegalArgumentException("tie margin must be >= 0, got " + tieMargin);
        }
        this.languageIdentifier = languageIdentifier;
        this.taskScorer = taskScorer;
        this.experimentLanguages = Set.copyOf(experimentLanguages.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
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
        if (r.reference() != null && taskScorer.isClassification(r.task())
                && TaskScorer.labelsMatch(response, r.reference())) {
            return true;
        }
        return languageIdentifier.isInLanguage(response, r.lang(), experimentLanguages);
    }
}
