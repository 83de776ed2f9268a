package dev.pinch.evaluator.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.Example;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.judge.SxsOutcome;
import dev.pinch.evaluator.judge.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTML report in a real browser (Debian's chromium, headless): it must load without a broken image or an error
 * in the console, show the findings and confidence intervals, and its heatmap cells must lead to example responses.
 * The screenshot is kept at {@code target/report-screenshot.png}.
 */
class HtmlReportBrowserTest {

    @Test
    @Timeout(180)
    void theReportWorksInAHeadlessBrowser() throws Exception {
        assertThat(HeadlessChromium.BINARY).as("Debian's chromium (apt-get install chromium; .ci/run installs it)")
                .isExecutable();
        ExperimentReport report = ReportBuilder.build("browser", withExamples(PlantedEffectTest.experiment(42,
                java.util.Arrays.asList((Long) null))), Map.of());
        Path dir = Files.createDirectories(Path.of("target", "browser-report"));
        Path page = dir.resolve("report.html");
        Files.writeString(page, HtmlReport.render(report, "charts/"), StandardCharsets.UTF_8);

        try (HeadlessChromium chromium = new HeadlessChromium()) {
            chromium.open(page.toAbsolutePath().toUri());
            assertThat(chromium.evaluate("document.images.length").asInt()).isGreaterThan(0);
            assertThat(chromium.evaluate("Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)"
                    + ".map(i => i.alt)").size()).as("broken images").isZero();
            assertThat(chromium.evaluate("document.getElementById('findings') !== null").asBoolean()).isTrue();
            assertThat(chromium.evaluate("document.querySelector('li.finding.supported').innerText").asText())
                    .contains("✔ supported").contains("[").contains("threshold");
            assertThat(chromium.evaluate("Array.from(document.querySelectorAll('table.heatmap td'))"
                    + ".filter(td => /\\d\\s*±\\s*\\d/.test(td.innerText)).length").asInt()).as("cells with ± CI")
                    .isGreaterThan(0);
            String target = chromium.evaluate("document.querySelector('table.heatmap td a').getAttribute('href')")
                    .asText();
            assertThat(target).startsWith("#ex-");
            assertThat(chromium.evaluate("document.getElementById('" + target.substring(1) + "').innerText").asText())
                    .contains("baseline response").contains("verdict, response first");
            assertThat(chromium.evaluate("document.getElementById('answers').nextElementSibling.nextElementSibling"
                    + ".innerText").asText()).as("the answers table").contains("sports (100%)")
                    .contains("indistinguishable");
            assertThat(chromium.errors()).as("errors logged by the page").isEmpty();
            byte[] png = chromium.screenshot();
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G').hasSizeGreaterThan(20_000);
            Files.write(Path.of("target", "report-screenshot.png"), png);
        }
    }

    /** The planted-effect experiment with an example response in each cell, as a real evaluation stores them. */
    static List<CheckpointEvaluation> withExamples(List<CheckpointEvaluation> evaluations) {
        List<CheckpointEvaluation> out = new ArrayList<>();
        for (CheckpointEvaluation e : evaluations) {
            List<LanguageScore> scores = e.scores().stream().map(s -> s.withSxs(s.sxs(), s.baselineMixId(),
                    s.results(), List.of(new Example("p0", "Write one sentence about <the> weather.", "It is sunny.",
                            "Sunny & warm.", "Rain.", SxsOutcome.WIN, Verdict.of(Verdict.Choice.A, "A is closer"),
                            Verdict.of(Verdict.Choice.B, "B is closer"))))).toList();
            out.add(new CheckpointEvaluation(e.experimentId(), e.checkpointId(), e.mixId(), e.design(),
                    e.finalCheckpoint(), e.evalSet(), e.judge(), scores, e.seed()));
        }
        return out;
    }
}
