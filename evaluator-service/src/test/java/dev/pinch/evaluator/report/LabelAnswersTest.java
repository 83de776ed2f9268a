package dev.pinch.evaluator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.events.DesignRef;
import dev.pinch.events.EventCodec;
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
        return mix(name, 0, n, reference, answer, null);
    }

    /** Prompts {@code from} to {@code n - 1} of {@link #mix(String, int, IntFunction, IntFunction)}, in one seed. */
    static CheckpointEvaluation mix(String name, int from, int n, IntFunction<String> reference,
            IntFunction<String> answer, Long seed) {
        List<PromptResult> results = new ArrayList<>();
        for (int i = from; i < n; i++) {
            String ref = reference.apply(i);
            String ans = answer.apply(i);
            results.add(new PromptResult("p" + i, "topic", true, ans.equals(ref) ? 100.0 : 0.0, false, null, null,
                    null, null, null, null, new PromptResult.Label(ans, ref, !ans.startsWith("the"))));
        }
        results.add(new PromptResult("t0", "translation", true, 40.0, false, null, null, null, null, null, null, null));
        LanguageScore en = new LanguageScore("en", n + 1, 1, 0, null, null, 0.0, null, null, results, List.of());
        return new CheckpointEvaluation("exp", "exp." + name + ".ck" + seed, "exp." + name, MONO, true, "test",
                "reference", List.of(en), seed);
    }

    /** Three labels: travel 4, politics 3, sports 3 in every ten prompts. */
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
    void whereLabelsTieTheModelIsSetAgainstTheOneItIsLeastDistinguishableFrom() {
        // politics 4, travel 4, sports 2 in every ten; the model answers politics to politics and travel, sports to
        // sports
        IntFunction<String> reference = i -> i % 10 < 4 ? "politics" : i % 10 < 8 ? "travel" : "sports";
        AnswerCheck c = only(mix("mono-en", 10, reference, i -> reference.apply(i).equals("sports") ? "sports"
                : "politics"));
        assertThat(c.accuracy()).isCloseTo(60.0, within(1e-9));
        // always politics: 2 prompts differ, both for the model, sign-flip p 1/2; always travel: 10 differ (6 for the
        // model, 4 against), p = 1 - C(10,5)/2^10 = 0.754 in the limit
        assertThat(c.constantAnswer()).as("not the first in sort order: the larger p").isEqualTo("travel");
        assertThat(c.constantAccuracy()).isCloseTo(40.0, within(1e-9));
        assertThat(c.overConstant().value()).isCloseTo(20.0, within(1e-9));
        assertThat(c.overConstant().p()).isCloseTo(0.754, within(0.03));
        assertThat(c.reading()).isEqualTo("indistinguishable");
    }

    @Test
    void severalSeedsArePooledOnThePromptsEverySeedAnswered() {
        // seed 1 answers prompts 0-19, right on the travel ones only; seed 2 answers 1-19, right on all but sports
        CheckpointEvaluation one = mix("mono-en", 0, 20, LabelAnswersTest::reference, i -> "travel", 1L);
        CheckpointEvaluation two = mix("mono-en", 1, 20, LabelAnswersTest::reference,
                i -> reference(i).equals("sports") ? "travel" : reference(i), 2L);
        AnswerCheck c = ReportBuilder.build("exp", List.of(one, two), Map.of()).answerChecks().getFirst();
        assertThat(c.prompts()).as("answers of both seeds").isEqualTo(39);
        assertThat(c.distinctAnswers()).isEqualTo(2);
        // prompts 1-19: travel 7, politics 6, sports 6; always travel scores 7/19
        assertThat(c.constantAnswer()).isEqualTo("travel");
        assertThat(c.constantAccuracy()).isCloseTo(100.0 * 7 / 19, within(1e-9));
        assertThat(c.overConstant().prompts()).isEqualTo(19);
        assertThat(c.overConstant().seeds()).isEqualTo(2);
        // seed 1: 7/19, seed 2: 13/19; their mean minus 7/19
        assertThat(c.overConstant().value()).isCloseTo(100.0 * (10.0 / 19 - 7.0 / 19), within(1e-9));
        assertThat(c.accuracy()).isCloseTo(100.0 * 10 / 19, within(1e-9));
    }

    @Test
    void evaluationsStoredBeforeAnswersWereKeptHaveNoCheck() throws Exception {
        CheckpointEvaluation stored = mix("mono-en", 10, LabelAnswersTest::reference, i -> "travel");
        String json = EventCodec.encode(stored).replaceAll(",\"label\":(\\{[^}]*\\}|null)", "");
        assertThat(json).doesNotContain("\"label\"").contains("\"taskName\":\"topic\"");
        CheckpointEvaluation old = EventCodec.mapper().readValue(json, CheckpointEvaluation.class);
        assertThat(old.scores().getFirst().results()).extracting(PromptResult::label).containsOnlyNulls();
        ExperimentReport report = ReportBuilder.build("exp", List.of(old), Map.of());
        assertThat(report.answerChecks()).isEmpty();
        assertThat(report.matrices().get("task:topic").values().getFirst().getFirst()).as("accuracy still reported")
                .isCloseTo(40.0, within(1e-9));
    }

    @Test
    void theChecksReachTheHtmlAndCsv() {
        ExperimentReport report = ReportBuilder.build("exp", List.of(mix("mono-en", 20, LabelAnswersTest::reference,
                i -> "sports")), Map.of());
        String html = HtmlReport.render(report, "charts/");
        assertThat(html).contains("Answers to classification tasks")
                .contains("<tr><th class=\"l\">mix</th><th>lang</th><th class=\"l\">task</th>")
                .contains("<tr><td class=\"l\">mono-en</td><td>en</td><td class=\"l\">topic</td><td>20</td>"
                        + "<td>30.0</td><td>1</td><td class=\"l\">sports (100%)</td><td>100%</td>"
                        + "<td class=\"l\">travel: 40.0 (3 labels)</td><td>-10.0 [")
                .contains("<td class=\"l\">indistinguishable</td></tr>");
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
