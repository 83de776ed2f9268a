package dev.pinch.evaluator.config;

import dev.pinch.evaluator.scoring.ConfusableLanguages;
import dev.pinch.evaluator.scoring.LanguageIdentifier;
import dev.pinch.evaluator.scoring.LinguaLanguageIdentifier;
import dev.pinch.evaluator.scoring.TaskScorer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The scorers as beans: one Lingua language identifier for the whole service (its n-gram models are loaded lazily,
 * per candidate set, and shared) with the configured confusable languages, and the task scorer.
 */
public class ScoringProducer {

    @Produces
    @Singleton
    LanguageIdentifier languageIdentifier(EvaluatorConfig config) {
        ConfusableLanguages confusables = config.confusableLanguages()
                .map(spec -> {
                    ConfusableLanguages defaults = ConfusableLanguages.defaults();
                    ConfusableLanguages given = ConfusableLanguages.parse(spec);
                    Map<String, Set<String>> merged = new HashMap<>(defaults.byLanguage());
                    given.byLanguage().forEach((k, v) -> merged.merge(k, v, (a, b) -> {
                        HashSet<String> all = new HashSet<>(a);
                        all.addAll(b);
                        return all;
                    }));
                    return new ConfusableLanguages(merged, defaults.always());
                })
                .orElse(ConfusableLanguages.defaults());
        LinguaLanguageIdentifier.Accuracy accuracy =
                LinguaLanguageIdentifier.Accuracy.valueOf(config.languageIdAccuracy().toUpperCase(Locale.ROOT));
        return new LinguaLanguageIdentifier(confusables, accuracy);
    }

    @Produces
    @Singleton
    TaskScorer taskScorer() {
        return new TaskScorer();
    }
}
