package dev.pinch.evaluator.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.evaluator.judge.SxsOutcome;
import dev.pinch.evaluator.judge.Verdict.Choice;
import dev.pinch.evaluator.report.ExperimentReport.Finding;
import dev.pinch.evaluator.report.ExperimentReport.Verdict;
import dev.pinch.events.DesignRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Synthetic judgements with a known truth go through the whole report: a planted effect must be found, with an
 * interval that excludes 0, and no effect must not be.
 */
class PlantedEffectTest {

    static final List<String> LANGS = List.of("en", "es", "ru");
    static final int PROMPTS = 60;

    /** Outcomes over the prompts: exactly {@code wins} of them won (at seeded random positions), the rest lost. */
    static List<SxsOutcome> outcomes(int wins, long seed) {
        List<SxsOutcome> out = new ArrayList<>();
        for (int i = 0; i < PROMPTS; i++) {
            out.add(i < wins ? SxsOutcome.WIN : SxsOutcome.LOSS);
        }
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    static PromptResult result(int i, SxsOutcome o) {
        Choice first = o == SxsOutcome.WIN ? Choice.A : o == SxsOutcome.LOSS ? Choice.B : null;
        Choice second = o == SxsOutcome.WIN ? Choice.B : o == SxsOutcome.LOSS ? Choice.A : null;
        // even prompts: topic classification, always answered "sports", right on every other one (accuracy 50);
        // odd: translation, chrF 30
        boolean topic = i % 2 == 0;
        double task = topic ? (i % 4 == 0 ? 100.0 : 0.0) : 30.0;
        PromptResult.Label label = topic ? new PromptResult.Label("sports", i % 4 == 0 ? "sports" : "travel", true)
                : null;
        return new PromptResult("p" + i, topic ? "topic" : "translation", true, task, false, true, null, o, first,
                second, null, label);
    }

    /** A mix whose SxS outcomes in each non-English language win {@code wins} of the prompts; en: all ties. */
    static CheckpointEvaluation mix(String name, DesignRef design, int wins, long seed, Long trainingSeed) {
        List<LanguageScore> scores = new ArrayList<>();
        for (String lang : LANGS) {
            List<SxsOutcome> o = lang.equals("en") ? Collections.nCopies(PROMPTS, SxsOutcome.TIE)
                    : outcomes(wins, seed + lang.hashCode());
            List<PromptResult> results = new ArrayList<>();
            for (int i = 0; i < PROMPTS; i++) {
                results.add(result(i, o.get(i)));
            }
            double sxs = results.stream().mapToDouble(r -> r.sxs().points()).average().orElseThrow() * 100;
            scores.add(new LanguageScore(lang, PROMPTS, 1, 50, sxs, "exp.mono-" + lang, 0.0, 1.0, null, results,
                    List.of()));
        }
        return new CheckpointEvaluation("exp", "exp." + name + ".ck" + trainingSeed, "exp." + name, design, true,
                "test", "reference", scores, trainingSeed);
    }

    static List<CheckpointEvaluation> experiment(int p1Wins, List<Long> seeds) {
        DesignRef mono = new DesignRef("monolingual", "monolingual", List.of("en"), Map.of());
        DesignRef p1 = new DesignRef("pinch", "pinch", LANGS, Map.of("base", "en", "percent", "1"));
        List<CheckpointEvaluation> out = new ArrayList<>();
        for (Long s : seeds) {
            long salt = s == null ? 0 : s * 1000;
            out.add(mix("mono-en", mono, PROMPTS / 2, 11 + salt, s));
            out.add(mix("pinch-p1", p1, p1Wins, 97 + salt, s));
        }
        return out;
    }

    static Finding p1(ExperimentReport report) {
        return report.findings().stream().filter(f -> f.key().equals("p1-helps-non-base")).findFirst().orElseThrow();
    }

    @Test
    void seventyPercentWinsAreSupportedWithAnIntervalExcludingZero() {
        ExperimentReport report = ReportBuilder.build("exp", experiment(42, java.util.Arrays.asList((Long) null)),
                Map.of());
        Finding f = p1(report);
        assertThat(f.verdict()).isEqualTo(Verdict.SUPPORTED);
        // P=1 scores 70 and P=0 50 in es and ru: a difference of 20 SxS points
        assertThat(f.estimate().value()).isEqualTo(20.0);
        assertThat(f.estimate().low()).isGreaterThan(0);
        assertThat(f.estimate().high()).isGreaterThan(f.estimate().value());
        assertThat(f.statistic()).contains("+20.0 [").contains("threshold 0.0");
        assertThat(f.details()).anyMatch(d -> d.startsWith("es: +20.0 [") && d.contains("Holm p"));
        assertThat(report.comparisons()).anyMatch(c -> c.label().equals("pinch-p1 − mono-en (P=0) on non-en mean")
                && c.estimate().above(0));
        ExperimentReport.JudgeDiagnostics all = report.judgeDiagnostics().getLast();
        assertThat(all.mix()).isEqualTo("all");
        assertThat(all.orderConsistency()).isEqualTo(1.0);
        assertThat(all.positionA()).isEqualTo(0.5);
        assertThat(all.tieRate()).isZero();
    }

    @Test
    void eachTaskGetsItsOwnScoreMatrixFromItsPromptsOnly() {
        ExperimentReport report = ReportBuilder.build("exp", experiment(42, java.util.Arrays.asList((Long) null)),
                Map.of());
        assertThat(report.matrices()).containsKeys("task", "task:topic", "task:translation");
        ExperimentReport.Matrix topic = report.matrices().get("task:topic");
        assertThat(topic.title()).isEqualTo("task score: topic");
        var es = topic.intervals().get(topic.rows().indexOf("pinch-p1")).get(LANGS.indexOf("es"));
        assertThat(es.value()).isEqualTo(50.0);
        assertThat(es.low()).isLessThan(50.0);
        assertThat(es.high()).isGreaterThan(50.0);
        assertThat(report.matrices().get("task:translation").values().get(0)).containsOnly(30.0);
        assertThat(report.matrices().get("task").values().get(0)).containsOnly(40.0);
    }

    @Test
    void fiftyFiftyIsInconclusive() {
        Finding f = p1(ReportBuilder.build("exp", experiment(30, java.util.Arrays.asList((Long) null)), Map.of()));
        assertThat(f.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(f.estimate().value()).isEqualTo(0.0);
        assertThat(f.estimate().low()).isLessThan(0);
        assertThat(f.estimate().high()).isGreaterThan(0);
    }

    @Test
    void aPlantedLossIsContradicted() {
        Finding f = p1(ReportBuilder.build("exp", experiment(18, java.util.Arrays.asList((Long) null)), Map.of()));
        assertThat(f.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(f.estimate().high()).isLessThan(0);
    }

    @Test
    void seedsArePooledHierarchicallyAndTheirSpreadShown() {
        ExperimentReport one = ReportBuilder.build("exp", experiment(42, List.of(1L)), Map.of());
        ExperimentReport three = ReportBuilder.build("exp", experiment(42, List.of(1L, 2L, 3L)), Map.of());
        ExperimentReport.Matrix sxs = three.matrices().get("sxs");
        int p1 = sxs.rows().indexOf("pinch-p1");
        assertThat(sxs.seeds().get(p1)).isEqualTo(3);
        var es = sxs.intervals().get(p1).get(LANGS.indexOf("es"));
        assertThat(es.seeds()).isEqualTo(3);
        assertThat(es.seedValues()).hasSize(3).allSatisfy(v -> assertThat(v).isEqualTo(70.0));
        assertThat(p1(three).verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(one.matrices().get("sxs").intervals().get(p1).get(1).seedValues()).isEmpty();
    }

    @Test
    void findingsTheDesignsCannotTestAreMarkedNotAddressed() {
        ExperimentReport report = ReportBuilder.build("exp", experiment(42, java.util.Arrays.asList((Long) null)),
                Map.of());
        assertThat(report.findings()).filteredOn(f -> f.key().equals("language-count-50")).singleElement()
                .satisfies(f -> assertThat(f.verdict()).isEqualTo(Verdict.NOT_ADDRESSED));
        assertThat(report.method().name()).isEqualTo("percentile bootstrap");
        assertThat(report.method().resamples()).isEqualTo(2000);
    }
}
