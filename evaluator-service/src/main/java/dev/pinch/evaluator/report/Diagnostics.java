package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.evaluator.judge.SxsOutcome;
import dev.pinch.evaluator.judge.Verdict.Choice;
import dev.pinch.evaluator.report.ExperimentReport.JudgeDiagnostics;
import dev.pinch.evaluator.stats.Kappa;
import java.util.ArrayList;
import java.util.List;

/**
 * How the SxS judge behaved, per cell (every seed of a mix pooled) and over all judged cells: order consistency,
 * position-A preference, tie rate, and Cohen's kappa against the second judge when the experiment ran one. Only
 * prompts the judge saw in both orders count (not the monolingual model against itself).
 */
final class Diagnostics {

    private Diagnostics() {
    }

    static List<JudgeDiagnostics> of(ReportData data, List<String> languages) {
        List<JudgeDiagnostics> out = new ArrayList<>();
        List<PromptResult> everything = new ArrayList<>();
        for (CheckpointEvaluation row : data.rows()) {
            for (String lang : languages) {
                List<PromptResult> judged = new ArrayList<>();
                for (CheckpointEvaluation e : data.seeds(row.mixName())) {
                    var s = ReportData.score(e, lang);
                    if (s != null) {
                        s.results().stream().filter(r -> r.candidateFirst() != null && r.baselineFirst() != null)
                                .forEach(judged::add);
                    }
                }
                if (!judged.isEmpty()) {
                    out.add(of(row.mixName(), lang, judged));
                    everything.addAll(judged);
                }
            }
        }
        if (!everything.isEmpty()) {
            out.add(of("all", "all", everything));
        }
        return out;
    }

    static JudgeDiagnostics of(String mix, String lang, List<PromptResult> judged) {
        int n = judged.size();
        int consistent = 0;
        int decisive = 0;
        int positionA = 0;
        int ties = 0;
        for (PromptResult r : judged) {
            consistent += preferred(r.candidateFirst(), true) == preferred(r.baselineFirst(), false) ? 1 : 0;
            for (Choice c : List.of(r.candidateFirst(), r.baselineFirst())) {
                decisive += c == Choice.TIE ? 0 : 1;
                positionA += c == Choice.A ? 1 : 0;
            }
            ties += r.sxs() == SxsOutcome.TIE ? 1 : 0;
        }
        List<SxsOutcome> first = judged.stream().map(PromptResult::sxs).toList();
        List<SxsOutcome> second = judged.stream().map(PromptResult::secondSxs).toList();
        int both = (int) judged.stream().filter(r -> r.secondSxs() != null).count();
        double kappa = both == 0 ? Double.NaN : Kappa.of(first, second);
        return new JudgeDiagnostics(mix, lang, n, (double) consistent / n,
                decisive == 0 ? null : (double) positionA / decisive, (double) ties / n,
                Double.isNaN(kappa) ? null : kappa, both);
    }

    /** Which response a verdict prefers: the candidate (1), the baseline (-1) or neither (0). */
    private static int preferred(Choice choice, boolean candidateInA) {
        if (choice == Choice.TIE) {
            return 0;
        }
        return (choice == Choice.A) == candidateInA ? 1 : -1;
    }
}
