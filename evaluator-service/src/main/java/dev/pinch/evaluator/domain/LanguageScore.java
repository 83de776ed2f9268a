package dev.pinch.evaluator.domain;

import java.util.List;

/**
 * What one checkpoint scored in one eval language.
 *
 * @param prompts        prompts generated and scored
 * @param languageRate   share of responses in the prompt's language, 0..1
 * @param taskScore      mean task score, 0..100 (exact label match for classification, chrF otherwise)
 * @param sxs            the paper's side-by-side score against the monolingual-L model, 0..100; null when the
 *                       experiment has no monolingual baseline for this language
 * @param baselineMixId  the mix of the monolingual-L baseline, or null
 * @param degenerateRate share of degenerate responses, 0..1 (null in evaluations stored before it was measured)
 * @param linePassRate   LCB line-level pass rate over the responses it counts, 0..1, or null when it counts none
 * @param wordPassRate   LCB word-level pass rate, 0..1, or null (Latin-script language, or none counted)
 * @param results        per prompt, in prompt order (empty in evaluations stored before they were kept)
 * @param examples       up to three prompts with both responses and the verdicts
 */
public record LanguageScore(String lang, int prompts, double languageRate, double taskScore, Double sxs,
        String baselineMixId, Double degenerateRate, Double linePassRate, Double wordPassRate,
        List<PromptResult> results, List<Example> examples) {

    /** Copies the lists (null: empty). */
    public LanguageScore {
        results = results == null ? List.of() : List.copyOf(results);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    /** This score with its SxS: the score, the baseline, per-prompt results carrying outcomes, and examples. */
    public LanguageScore withSxs(Double score, String baseline, List<PromptResult> withOutcomes, List<Example> shown) {
        return new LanguageScore(lang, prompts, languageRate, taskScore, score, baseline, degenerateRate,
                linePassRate, wordPassRate, withOutcomes, shown);
    }
}
