package dev.pinch.evaluator.domain;

/**
 * What one checkpoint scored in one eval language.
 *
 * @param prompts       prompts generated and scored
 * @param languageRate  share of responses in the prompt's language, 0..1
 * @param taskScore     mean task score, 0..100 (exact label match for classification, chrF otherwise)
 * @param sxs           the paper's side-by-side score against the monolingual-L model, 0..100; null when the
 *                      experiment has no monolingual baseline for this language
 * @param baselineMixId the mix of the monolingual-L baseline, or null
 */
public record LanguageScore(String lang, int prompts, double languageRate, double taskScore, Double sxs,
        String baselineMixId) {
}
