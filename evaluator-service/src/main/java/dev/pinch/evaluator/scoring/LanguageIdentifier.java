package dev.pinch.evaluator.scoring;

import java.util.Optional;
import java.util.Set;

/**
 * Identifies the language of a model response among a restricted set of candidate languages (ISO 639-1 codes).
 * Restricting the candidates to the experiment's languages plus the likely confusions of the expected language
 * keeps short texts from being assigned to languages no model in the experiment could plausibly produce.
 */
public interface LanguageIdentifier {

    /**
     * The most likely language of {@code text} among {@code candidates}; empty when the text has no letters,
     * is written in a script none of the candidates uses, or the identifier cannot decide.
     *
     * @param text       the text to identify
     * @param candidates ISO 639-1 codes; codes the identifier does not support are ignored
     * @return an ISO 639-1 code from {@code candidates}, or empty
     */
    Optional<String> identify(String text, Set<String> candidates);

    /**
     * Whether {@code text} is in {@code expected}, choosing among the experiment's languages, {@code expected} and
     * its configured confusable languages. A text with no identifiable language is not in any language.
     * An {@code expected} language the identifier does not support cannot be checked and counts as in-language.
     */
    boolean isInLanguage(String text, String expected, Set<String> experimentLanguages);

    /** Whether the identifier can recognise {@code language} (ISO 639-1). */
    boolean supports(String language);
}
