package dev.pinch.evaluator.planning;

import dev.pinch.evaluator.generation.GenerationSettings;
import java.util.List;

/**
 * How one checkpoint is evaluated, resolved from its experiment's eval config and the service defaults when the
 * checkpoint is accepted, and stored with its job so that a resumed evaluation uses exactly the same plan.
 *
 * @param evalSet                name of the eval set: {@code <corpus>-<version>-<split>} or {@code prompts-<sha12>}
 * @param corpusSplit            the corpus split used as prompts, or null for user prompts
 * @param promptsUri             the corpus's examples.jsonl, or the user prompts copied into the store
 * @param languages              eval languages, in report order
 * @param experimentLanguages    the candidate languages of response-language checks (besides confusables)
 * @param maxPromptsPerLanguage  prompts per language (0: all)
 * @param generation             decoding settings
 * @param judge                  the SxS judge
 * @param device                 the generating device's spelling ({@code ComputeDevice}: {@code cpu}, {@code gpu},
 *                               {@code gpu:N}, {@code auto})
 * @param precision              {@code fp32}, or {@code fp16} on a GPU ({@code Precision}'s spelling)
 * @param promptTemplate         how every checkpoint (candidates and baselines alike) is prompted: {@code chat} (the
 *                               model's chat template) or a template with {@code {instruction}}; null: the template
 *                               in the checkpoint's trainer_state.json, else lm's default
 * @param secondJudge            a second judge on the same pairs (agreement with the first), or null
 */
public record EvalPlan(String evalSet, String corpusSplit, String promptsUri, List<String> languages,
        List<String> experimentLanguages, int maxPromptsPerLanguage, GenerationSettings generation, JudgeSpec judge,
        String device, String precision, String promptTemplate, JudgeSpec secondJudge) {

    /** Copies the lists. */
    public EvalPlan {
        languages = List.copyOf(languages);
        experimentLanguages = List.copyOf(experimentLanguages);
    }
}
