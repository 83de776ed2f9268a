package dev.pinch.evaluator.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.evaluator.judge.Verdict.Choice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SxsScorerTest {

    private static Verdict v(Choice c) {
        return Verdict.of(c);
    }

    private static List<SxsPrompt> prompts(int n) {
        return IntStream.range(0, n).mapToObj(i -> new SxsPrompt("p" + i, "fi", "continuation", "instruction " + i,
                "ref " + i, "candidate " + i, "baseline " + i)).toList();
    }

    /** Prefers the response containing {@code word}; a tie when both or neither do. */
    private static Judge prefers(String word) {
        return r -> {
            boolean a = r.responseA().contains(word);
            boolean b = r.responseB().contains(word);
            return v(a == b ? Choice.TIE : a ? Choice.A : Choice.B);
        };
    }

    @Test
    void aWinNeedsPreferenceInBothOrdersAndDisagreementIsATie() {
        assertThat(SxsScorer.outcome(v(Choice.A), v(Choice.B))).isEqualTo(SxsOutcome.WIN);
        assertThat(SxsScorer.outcome(v(Choice.B), v(Choice.A))).isEqualTo(SxsOutcome.LOSS);
        assertThat(SxsScorer.outcome(v(Choice.A), v(Choice.A))).isEqualTo(SxsOutcome.TIE);
        assertThat(SxsScorer.outcome(v(Choice.B), v(Choice.B))).isEqualTo(SxsOutcome.TIE);
        assertThat(SxsScorer.outcome(v(Choice.TIE), v(Choice.TIE))).isEqualTo(SxsOutcome.TIE);
        assertThat(SxsScorer.outcome(v(Choice.A), v(Choice.TIE))).isEqualTo(SxsOutcome.TIE);
        assertThat(SxsScorer.outcome(v(Choice.TIE), v(Choice.A))).isEqualTo(SxsOutcome.TIE);
    }

    @Test
    void aJudgeThatAlwaysPrefersPositionAScoresExactly50() {
        SxsResult result = new SxsScorer().score(r -> v(Choice.A), prompts(7));
        assertThat(result.percentage()).isEqualTo(50.0);
        assertThat(result.ties()).isEqualTo(7);
        assertThat(new SxsScorer().score(r -> v(Choice.B), prompts(3)).percentage()).isEqualTo(50.0);
    }

    @Test
    void consistentPreferencesGiveWinsAndLosses() {
        SxsResult wins = new SxsScorer().score(prefers("candidate"), prompts(4));
        assertThat(wins.percentage()).isEqualTo(100.0);
        assertThat(wins.wins()).isEqualTo(4);
        SxsResult losses = new SxsScorer().score(prefers("baseline"), prompts(4));
        assertThat(losses.percentage()).isEqualTo(0.0);
        assertThat(losses.losses()).isEqualTo(4);
        assertThat(new SxsScorer().score(r -> v(Choice.TIE), prompts(2)).percentage()).isEqualTo(50.0);
    }

    @Test
    void percentageAveragesWinTieLossPoints() {
        List<SxsJudgement> js = List.of(
                new SxsJudgement("1", v(Choice.A), v(Choice.B), SxsOutcome.WIN),
                new SxsJudgement("2", v(Choice.A), v(Choice.B), SxsOutcome.WIN),
                new SxsJudgement("3", v(Choice.A), v(Choice.A), SxsOutcome.TIE),
                new SxsJudgement("4", v(Choice.B), v(Choice.A), SxsOutcome.LOSS));
        SxsResult r = SxsScorer.aggregate(js);
        assertThat(r.percentage()).isEqualTo(62.5);
        assertThat(List.of(r.wins(), r.ties(), r.losses(), r.prompts())).containsExactly(2, 1, 1, 4);
        assertThatThrownBy(() -> SxsScorer.aggregate(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachPromptIsJudgedInBothOrders() {
        List<JudgeRequest> seen = Collections.synchronizedList(new ArrayList<>());
        Judge recording = r -> {
            seen.add(r);
            return v(Choice.A);
        };
        SxsJudgement j = new SxsScorer().judge(recording, prompts(1).get(0));
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).responseA()).isEqualTo("candidate 0");
        assertThat(seen.get(0).responseB()).isEqualTo("baseline 0");
        assertThat(seen.get(1).responseA()).isEqualTo("baseline 0");
        assertThat(seen.get(1).responseB()).isEqualTo("candidate 0");
        assertThat(seen.get(1).instruction()).isEqualTo("instruction 0");
        assertThat(j.outcome()).isEqualTo(SxsOutcome.TIE);
        assertThat(j.promptId()).isEqualTo("p0");
    }

    @Test
    void parallelScoringKeepsPromptOrderAndPropagatesFailures() {
        Judge mixed = r -> r.instruction().endsWith("3") ? v(Choice.TIE) : prefers("candidate").compare(r);
        SxsResult sequential = new SxsScorer().score(mixed, prompts(20));
        SxsResult parallel = new SxsScorer(4).score(mixed, prompts(20));
        assertThat(parallel).isEqualTo(sequential);
        assertThat(parallel.judgements().get(5).promptId()).isEqualTo("p5");
        assertThat(parallel.percentage()).isEqualTo(100.0 * (18 + 2 * 0.5) / 20);
        Judge failing = r -> {
            throw new JudgeException("endpoint down");
        };
        assertThatThrownBy(() -> new SxsScorer(4).score(failing, prompts(5))).isInstanceOf(JudgeException.class)
                .hasMessage("endpoint down");
    }
}
