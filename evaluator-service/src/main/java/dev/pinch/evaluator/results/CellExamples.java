package dev.pinch.evaluator.results;

import dev.pinch.evaluator.domain.Example;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.evaluator.generation.GeneratedResponse;
import dev.pinch.evaluator.judge.SxsJudgement;
import dev.pinch.evaluator.judge.SxsOutcome;
import dev.pinch.evaluator.judge.SxsResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SxS outcomes merged into a cell's per-prompt results, and the cell's examples: with SxS, the first won, the first
 * tied and the first lost prompt (in prompt order, as far as they exist), topped up with the first prompts to
 * {@value #SHOWN}; without SxS, the first {@value #SHOWN} prompts.
 */
final class CellExamples {

    static final int SHOWN = 3;

    private CellExamples() {
    }

    /**
     * The score with its SxS outcomes.
     *
     * @param primary  the judge's result, or null for the baseline against itself (every prompt a tie, no judge call)
     * @param second   the second judge's result, or null
     * @param mine     the candidate's responses by prompt id
     * @param baseline the baseline's responses by prompt id
     */
    static LanguageScore withSxs(LanguageScore s, SxsResult primary, SxsResult second, String baselineMixId,
            Map<String, GeneratedResponse> mine, Map<String, GeneratedResponse> baseline) {
        Map<String, SxsJudgement> judged = primary == null ? null : byId(primary);
        Map<String, SxsJudgement> other = second == null ? Map.of() : byId(second);
        List<PromptResult> results = new ArrayList<>();
        for (PromptResult r : s.results()) {
            SxsJudgement j = judged == null ? null : judged.get(r.id());
            SxsJudgement o = other.get(r.id());
            SxsOutcome outcome = judged == null ? SxsOutcome.TIE : j == null ? null : j.outcome();
            results.add(r.withSxs(outcome, j == null ? null : j.candidateFirst().choice(),
                    j == null ? null : j.baselineFirst().choice(), o == null ? null : o.outcome()));
        }
        Double score = primary != null ? Double.valueOf(primary.percentage()) : results.isEmpty() ? null : 50.0;
        return s.withSxs(score, baselineMixId, results, pick(results, judged, mine, baseline));
    }

    /** The examples of a cell; {@code judged} null: the cell has no judgements (none yet, or the self-comparison). */
    static List<Example> pick(List<PromptResult> results, Map<String, SxsJudgement> judged,
            Map<String, GeneratedResponse> mine, Map<String, GeneratedResponse> baseline) {
        Set<PromptResult> chosen = new LinkedHashSet<>();
        for (SxsOutcome o : SxsOutcome.values()) {
            results.stream().filter(r -> r.sxs() == o && judged != null).findFirst().ifPresent(chosen::add);
        }
        results.stream().limit(SHOWN).forEach(r -> {
            if (chosen.size() < SHOWN) {
                chosen.add(r);
            }
        });
        List<Integer> order = chosen.stream().map(results::indexOf).sorted(Comparator.naturalOrder()).toList();
        List<Example> out = new ArrayList<>();
        for (int i : order) {
            PromptResult r = results.get(i);
            GeneratedResponse c = mine.get(r.id());
            GeneratedResponse b = baseline.get(r.id());
            SxsJudgement j = judged == null ? null : judged.get(r.id());
            out.add(new Example(r.id(), c == null ? null : c.instruction(), c == null ? null : c.reference(),
                    c == null ? null : c.response(), b == null ? null : b.response(), r.sxs(),
                    j == null ? null : j.candidateFirst(), j == null ? null : j.baselineFirst()));
        }
        return out;
    }

    private static Map<String, SxsJudgement> byId(SxsResult result) {
        return result.judgements().stream().collect(Collectors.toMap(SxsJudgement::promptId, Function.identity()));
    }
}
