package dev.pinch.evaluator.scoring;

import java.util.Set;

/**
 * Whether a response is in its prompt's language, the one rule the scores and the reference judge share: a label
 * answer (the reference label, or any label of the prompt's classification task in that language, see
 * {@link LabelSets}) is; anything else is decided by the language identifier, restricted to the experiment's
 * languages and the confusable ones.
 */
public final class ResponseLanguage {

    private final LanguageIdentifier identifier;
    private final TaskScorer taskScorer;
    private final LabelSets labels;
    private final Set<String> experimentLanguages;

    public ResponseLanguage(LanguageIdentifier identifier, TaskScorer taskScorer, LabelSets labels,
            Set<String> experimentLanguages) {
        this.identifier = identifier;
        this.taskScorer = taskScorer;
        this.labels = labels;
        this.experimentLanguages = Set.copyOf(experimentLanguages);
    }

    /** Whether {@code response} to a prompt of {@code task} in {@code lang} (reference may be null) is in {@code lang}. */
    public boolean inLanguage(String lang, String task, String response, String reference) {
        if (taskScorer.isClassification(task) && (reference != null && TaskScorer.labelsMatch(response, reference)
                || labels.isLabel(lang, task, response))) {
            return true;
        }
        return identifier.isInLanguage(response, lang, experimentLanguages);
    }
}
