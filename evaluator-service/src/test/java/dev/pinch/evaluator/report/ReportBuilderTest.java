package dev.pinch.evaluator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.events.DesignRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    static final List<String> LANGS = List.of("en", "fi", "sw", "zh");

    /** A checkpoint whose SxS in language i is sxs[i] (null = no baseline), task = sxs/2, language rate 0.9. */
    static CheckpointEvaluation eval(String mix, DesignRef design, Double... sxs) {
        List<LanguageScore> scores = new ArrayList<>();
        for (int i = 0; i < LANGS.size(); i++) {
            Double s = sxs[i];
            scores.add(new LanguageScore(LANGS.get(i), 10, 0.9, s == null ? 20 : s / 2, s, null, 0.0, null, null,
                    null, null));
        }
        return new CheckpointEvaluation("exp", "ck-" + mix, "exp." + mix, design, true, "builtin-test", "reference",
                scores, null);
    }

    static DesignRef mono(String lang) {
        return new DesignRef("monolingual", "monolingual", List.of(lang), Map.of());
    }

    static DesignRef pinch(String key, String value) {
        return new DesignRef("pinch", "pinch", LANGS, Map.of("base", "en", "seen", "en,fi,sw", "budget", "4000",
                key, value));
    }

    static DesignRef count(int ordering, int n, String order) {
        return new DesignRef("language-count", "language-count", List.of(order.split(",")).subList(0, n),
                Map.of("ordering", "" + ordering, "n", "" + n, "order", order));
    }

    static List<CheckpointEvaluation> evaluations() {
        return List.of(
                eval("mono-en", mono("en"), 50.0, 30.0, 20.0, null),
                eval("mono-fi", mono("fi"), 40.0, 50.0, 30.0, null),
                eval("mono-sw", mono("sw"), 20.0, 10.0, 50.0, null),
                eval("pinch-p0", pinch("percent", "0"), 52.0, 30.0, 20.0, null),
                eval("pinch-n40", pinch("count", "40"), 51.0, 40.0, 30.0, null),
                eval("pinch-p100", pinch("percent", "100"), 45.0, 48.0, 46.0, null),
                eval("language-count-o1-n1", count(1, 1, "fi,en"), 30.0, 50.0, 10.0, null),
                eval("language-count-o1-n2", count(1, 2, "fi,en"), 50.0, 50.0, 30.0, null),
                eval("language-count-o2-n1", count(2, 1, "en,fi"), 50.0, 20.0, 20.0, null),
                eval("language-count-o2-n2", count(2, 2, "en,fi"), 50.0, 50.0, 40.0, null),
                eval("pair-en-sw", new DesignRef("bilingual-pairs", "pair", List.of("en", "sw"), Map.of()),
                        50.0, 44.0, 50.0, null));
    }

    @Test
    void buildsTheTransferMatrixPerMetric() {
        ExperimentReport report = ReportBuilder.build("exp", evaluations(), Map.of());
        assertThat(report.matrices().keySet()).as("no per-task matrices without per-prompt task names")
                .noneMatch(k -> k.startsWith("task:"));

        ExperimentReport.Matrix sxs = report.matrices().get("sxs");
        assertThat(sxs.columns()).isEqualTo(LANGS);
        assertThat(sxs.rows()).startsWith("mono-en", "mono-fi", "mono-sw", "pinch-p0", "pinch-n40", "pinch-p100");
        assertThat(sxs.values().get(1)).containsExactly(40.0, 50.0, 30.0, null);
        assertThat(report.matrices().get("task").values().get(1)).containsExactly(20.0, 25.0, 15.0, 20.0);
        assertThat(report.matrices().get("language").values().get(0).get(0)).isCloseTo(90.0, within(1e-9));
        assertThat(report.responseLanguageRates()).containsEntry("zh", 90.0);
        assertThat(report.notes()).hasSize(2).anyMatch(n -> n.contains("no monolingual baseline for zh"))
                .anyMatch(n -> n.contains("stored before per-prompt results"));
        assertThat(sxs.intervals().get(1).get(0).low()).as("no per-prompt results: no interval").isNull();
    }

    @Test
    void sweepPlacesCountsAtTheirShareAndSplitsSeenFromUnseen() {
        ExperimentReport report = ReportBuilder.build("exp", evaluations(), Map.of());

        ExperimentReport.Curve base = report.sweepCurves().stream().filter(c -> c.series().startsWith("base")).findFirst()
                .orElseThrow();
        assertThat(base.points()).extracting(ExperimentReport.Point::x).containsExactly(0.0, 1.0, 100.0);
        assertThat(base.points()).extracting(ExperimentReport.Point::y).containsExactly(52.0, 51.0, 45.0);
        ExperimentReport.Curve seen = report.sweepCurves().stream().filter(c -> c.series().startsWith("seen"))
                .findFirst().orElseThrow();
        assertThat(seen.points()).extracting(ExperimentReport.Point::y).containsExactly(25.0, 35.0, 47.0);
        // zh is unseen but has no SxS: the unseen curve has no points and is dropped
        assertThat(report.sweepCurves()).noneMatch(c -> c.series().startsWith("unseen"));
    }

    @Test
    void withoutAP0MixTheMonolingualBaseModelIsTheSweepsZeroPoint() {
        List<CheckpointEvaluation> rows = new ArrayList<>(evaluations());
        rows.removeIf(e -> e.mixName().equals("pinch-p0"));
        ExperimentReport report = ReportBuilder.build("exp", rows, Map.of());

        ExperimentReport.Curve base = report.sweepCurves().stream().filter(c -> c.series().startsWith("base")).findFirst()
                .orElseThrow();
        assertThat(base.points()).extracting(ExperimentReport.Point::label).containsExactly("mono-en", "pinch-n40",
                "pinch-p100");
        assertThat(base.points()).extracting(ExperimentReport.Point::y).containsExactly(50.0, 51.0, 45.0);
        ExperimentReport.Curve seen = report.sweepCurves().stream().filter(c -> c.series().startsWith("seen"))
                .findFirst().orElseThrow();
        assertThat(seen.points().get(0).y()).as("mono-en on fi and sw").isEqualTo(25.0);
    }

    @Test
    void languageCountAveragesUnseenLanguagesOverOrderings() {
        ExperimentReport report = ReportBuilder.build("exp", evaluations(), Map.of());

        ExperimentReport.Curve unseen = report.languageCountCurves().get(0);
        assertThat(unseen.series()).startsWith("unseen");
        // As in the paper, "unseen" means outside the whole candidate list (en, fi), whatever n: here sw (zh has
        // no SxS). n=1: ordering 1 (fi) → sw 10, ordering 2 (en) → sw 20: mean 15. n=2: 30 and 40: mean 35.
        assertThat(unseen.points()).extracting(ExperimentReport.Point::y).containsExactly(15.0, 35.0);
        assertThat(report.bilingualPairs()).singleElement()
                .satisfies(p -> assertThat(p.otherLanguagesAverage()).isEqualTo(44.0));
    }

    @Test
    void pearsonOfPretrainingSharesAgainstCrossLingualScores() {
        // cross-lingual SxS: en → (30+20)/2 = 25, fi → (40+30)/2 = 35, sw → (20+10)/2 = 15
        ExperimentReport perfect = ReportBuilder.build("exp", evaluations(), Map.of("en", 0.5, "fi", 0.7, "sw", 0.3));
        assertThat(perfect.pretrainingCorrelation().pearson()).isCloseTo(1.0, within(1e-12));
        assertThat(perfect.pretrainingCorrelation().crossLingualScores()).containsEntry("fi", 35.0);

        ExperimentReport inverse = ReportBuilder.build("exp", evaluations(), Map.of("en", 0.5, "fi", 0.3, "sw", 0.7));
        assertThat(inverse.pretrainingCorrelation().pearson()).isCloseTo(-1.0, within(1e-12));
        assertThat(ReportBuilder.build("exp", evaluations(), Map.of()).pretrainingCorrelation()).isNull();
        assertThat(Stats.pearson(new double[] {1, 2, 3, 4}, new double[] {2, 1, 4, 3})).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void rendersChartsCsvAndHtml() throws Exception {
        ExperimentReport report = ReportBuilder.build("exp", evaluations(), Map.of());

        var charts = ReportCharts.of(report);
        assertThat(charts).containsKeys("heatmap-sxs", "heatmap-task", "heatmap-language", "sweep-pinch",
                "language-count-language-count");
        byte[] png = ReportCharts.png(charts.get("heatmap-sxs"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(new String(ReportCharts.svg(charts.get("sweep-pinch")), StandardCharsets.UTF_8)).contains("<svg");

        String csv = ReportFormats.csv(report);
        assertThat(csv).startsWith(ReportFormats.CSV_HEADER + "\n").contains("matrix,,mono-fi,fi,sxs,50.0000");
        long matrixRows = csv.lines().filter(l -> l.startsWith("matrix,")).count();
        // sxs has no zh column values; task, language and degenerate have every cell; LCB rates none
        assertThat(matrixRows).isEqualTo(11 * 4 - 11 + 3 * 11 * 4);

        String html = HtmlReport.render(report, "charts/");
        assertThat(html).contains("<title>Pinch report: exp</title>").contains("data:image/png;base64,")
                .contains("href=\"charts/heatmap-sxs.svg\"").contains("<td class=\"n\">n/a</td>")
                .contains("no monolingual baseline for zh");
    }

    @Test
    void aReportIsReusedWhileItsEvaluationsAreEqual() {
        ReportCache cache = new ReportCache();
        int[] builds = {0};
        java.util.function.Supplier<ExperimentReport> build = () -> {
            builds[0]++;
            return ReportBuilder.build("exp", evaluations(), Map.of());
        };
        ExperimentReport first = cache.get("exp", evaluations(), build);
        assertThat(cache.get("exp", evaluations(), build)).isSameAs(first);
        List<CheckpointEvaluation> more = new ArrayList<>(evaluations());
        more.remove(0);
        assertThat(cache.get("exp", more, build)).isNotSameAs(first);
        assertThat(builds[0]).isEqualTo(2);
    }
}
