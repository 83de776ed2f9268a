package dev.pinch.evaluator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.evaluator.judge.SxsOutcome;
import dev.pinch.evaluator.judge.Verdict.Choice;
import dev.pinch.evaluator.report.ExperimentReport.JudgeDiagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Judge diagnostics from per-prompt verdicts, including agreement with a second judge. */
class DiagnosticsTest {

    static PromptResult r(Choice first, Choice second, SxsOutcome outcome, SxsOutcome other) {
        return new PromptResult("p", null, true, null, false, null, null, outcome, first, second, other, null);
    }

    @Test
    void aJudgeThatAlwaysPicksPositionAIsInconsistentAndAllTies() {
        List<PromptResult> biased = List.of(r(Choice.A, Choice.A, SxsOutcome.TIE, null),
                r(Choice.A, Choice.A, SxsOutcome.TIE, null));
        JudgeDiagnostics d = Diagnostics.of("m", "es", biased);
        assertThat(d.orderConsistency()).isZero();
        assertThat(d.positionA()).isEqualTo(1.0);
        assertThat(d.tieRate()).isEqualTo(1.0);
        assertThat(d.kappa()).isNull();
    }

    @Test
    void consistentVerdictsAndKappaAgainstTheSecondJudge() {
        List<PromptResult> judged = List.of(
                r(Choice.A, Choice.B, SxsOutcome.WIN, SxsOutcome.WIN),
                r(Choice.B, Choice.A, SxsOutcome.LOSS, SxsOutcome.LOSS),
                r(Choice.TIE, Choice.TIE, SxsOutcome.TIE, SxsOutcome.WIN),
                r(Choice.A, Choice.A, SxsOutcome.TIE, SxsOutcome.TIE));
        JudgeDiagnostics d = Diagnostics.of("m", "es", judged);
        assertThat(d.judged()).isEqualTo(4);
        assertThat(d.orderConsistency()).isEqualTo(0.75); // the last prompt flips with the order
        assertThat(d.positionA()).isEqualTo(4.0 / 6);      // 6 decisive verdicts, 4 for A
        assertThat(d.tieRate()).isEqualTo(0.5);
        // outcomes (W,L,T,T) vs (W,L,W,T): p_o = 3/4, p_e = (1/4·2/4 + 1/4·1/4 + 2/4·1/4) = 5/16 -> kappa = 7/11
        assertThat(d.kappa()).isCloseTo(7.0 / 11, within(1e-12));
        assertThat(d.kappaPrompts()).isEqualTo(4);
    }
}
