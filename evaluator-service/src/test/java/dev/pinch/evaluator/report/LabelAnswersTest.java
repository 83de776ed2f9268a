package dev.pinch.evaluator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.evaluator.report.ExperimentReport.AnswerCheck;
import dev.pinch.events.DesignRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A classification task's answers against always giving one label: a model that gives one answer whatever the input
 * cannot be read as having learned the task, and a model that reads the input is told apart from it.
 */
class LabelAnswersTest {

    static final DesignRef MONO = new DesignRef("monolingual", "monolingual", List.of("en"), Map.of());

    /** One mix answering {@code n} topic prompts: reference and answer of prompt i; one translation prompt beside. */
    static CheckpointEvaluation mix(String name, int n, IntFunction<String> reference, IntFunction<String> answer) {
        List<PromptResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ref = reference.apply(i);
            String ans = answer.apply(i);
            results.add(new PromptResult("p" + i, "topic", true, ans.equals(ref) ? 100.0 : 0.0, false, null, null,
                    null, null, null, null, new PromptResult.Label(ans, ref, !ans.startsWith("the"))));
        }
        results.add(new PromptResult("t0", "translation", true, 40.0, false, null, null, null, null, null, null, null));
        LanguageScore en = new LanguageScore("en", n + 1, 1, 0, null, null, 0.0, null, null, results, List.of());
        return new CheckpointEvaluation("exp", "exp." + name + ".ck", "exp." + name, MONO, true, "test", "reference",
                List.of(en), null);
    }

    /** Four labels: travel 4, politics 3, sports 3 in every ten prompts. */
    static String reference(int i) {
        int k = i % 10;
        return k < 4 ? "travel" : k < 7 ? "politics" : "sports";
    }

    static AnswerCheck only(CheckpointEvaluation e) {
        List<AnswerCheck> checks = ReportBuilder.build("exp", List.of(e), Map.of()).answerChecks();
        assertThat(checks).as("one check: the topic task in en; translation is no classification").hasSize(1);
        return checks.getFirst();
    }

    @Test
    void oneAnswerWhateverTheInputIsNoBetterThanAlwaysGivingTheCommonestLabel() {
        AnswerCheck c = only(mix("mono-en", 20, LabelAnswersTest::reference, i -> "sports"));
        assertThat(c.task()).isEqualTo("topic");
        assertThat(c.prompts()).isEqualTo(20);
        assertThat(c.accuracy()).isCloseTo(30.0, within(1e-9));
        assertThat(c.distinctAnswers()).isEqualTo(1);
        assertThat(c.topAnswer()).isEqualTo("sports");
        assertThat(c.topAnswerShare()).isEqualTo(1.0);
        assertThat(c.knownShare()).isEqualTo(1.0);
        assertThat(c.labels()).isEqualTo(3);
        assertThat(c.constantAnswer()).isEqualTo("travel");
        assertThat(c.constantAccuracy()).isCloseTo(40.0, within(1e-9));
        assertThat(c.overConstant().value()).isCloseTo(-10.0, within(1e-9));
        assertThat(c.overConstant().low()).isLessThan(0);
        assertThat(c.overConstant().high()).isGreaterThan(0);
        assertThat(c.reading()).isEqualTo("indistinguishable");
    }

    @Test
    void alwaysGivingTheCommonestLabelDiffersByExactlyNothing() {
        AnswerCheck c = only(mix("mono-en", 20, LabelAnswersTest::reference, i -> "travel"));
        assertThat(c.accuracy()).isCloseTo(c.constantAccuracy(), within(1e-9));
        assertThat(c.overConstant().value()).isZero();
        assertThat(c.overConstant().low()).isZero();
        assertThat(c.overConstant().high()).isZero();
        assertThat(c.overConstant().p()).isEqualTo(1.0);
        assertThat(c.reading()).isEqualTo("indistinguishable");
    }

    @Test
    void aModelThatReadsTheInputIsAboveTheConstantAnswer() {
        // right on 9 of every 10 prompts; the tenth answered with a non-label
        AnswerCheck c = only(mix("mono-en", 40, LabelAnswersTest::reference,
                i -> i % 10 == 9 ? "the the the" : reference(i)));
        assertThat(c.accuracy()).isCloseTo(90.0, within(1e-9));
        assertThat(c.distinctAnswers()).isEqualTo(4);
        assertThat(c.topAnswer()).isEqualTo("travel");
        assertThat(c.topAnswerShare()).isCloseTo(0.4, within(1e-12));
        assertThat(c.knownShare()).isCloseTo(0.9, within(1e-12));
        assertThat(c.overConstant().value()).isCloseTo(50.0, within(1e-9));
        assertThat(c.overConstant().low()).isGreaterThan(0);
        assertThat(c.overConstant().p()).isLessThan(0.05);
        assertThat(c.reading()).isEqualTo("above");
    }

    @Test
    void aModelThatAvoidsTheCommonestLabelIsBelowIt() {
        AnswerCheck c = only(mix("mono-en", 40, LabelAnswersTest::reference,
                i -> reference(i).equals("travel") ? "politics" : "sports"));
        assertThat(c.accuracy()).isCloseTo(30.0, within(1e-9)); // only the sports prompts
        assertThat(c.overConstant().value()).isCloseTo(-10.0, within(1e-9));
        assertThat(c.reading()).as("16 prompts lost, 12 won: not clear of 0").isEqualTo("indistinguishable");
        AnswerCheck worse = only(mix("mono-en", 40, LabelAnswersTest::reference, i -> "politics"
                .equals(reference(i)) ? "travel" : "politics"));
        assertThat(worse.accuracy()).isZero();
        assertThat(worse.overConstant().value()).isCloseTo(-40.0, within(1e-9));
        assertThat(worse.overConstant().high()).isLessThan(0);
        assertThat(worse.reading()).isEqualTo("below");
    }

    @Test
    void theChecksReachTheHtmlAndCsv() {
        ExperimentReport report = ReportBuilder.build("exp", List.of(mix("mono-en", 20, LabelAnswersTest::reference,
                i -> "sports")), Map.of());
        String html = HtmlReport.render(report, "charts/");
        assertThat(html).contains("Answers to classification tasks").contains("sports (100%)")
                .contains("travel: 40.0 (3 labels)").contains("indistinguishable");
        assertThat(ReportFormats.csv(report)).contains("answers,indistinguishable,mono-en,en,task:topic - always travel,"
                + "-10.0000,");
    }

    @Test
    void aLongAnswerIsCutToFortyCodePoints() {
        String han = "旅".repeat(30) + "𝄞".repeat(20); // 50 code points, 70 chars
        String cut = new PromptResult.Label(han, "旅行", false).answer();
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(PromptResult.MAX_ANSWER);
        assertThat(cut).startsWith("旅".repeat(30) + "𝄞".repeat(9)).endsWith("…");
        assertThat(new PromptResult.Label("旅行", "旅行", true).answer()).isEqualTo("旅行");
    }
}
