package dev.pinch.evaluator.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.evaluator.FreshStoreTestResource;
import dev.pinch.evaluator.domain.Example;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.domain.PromptResult;
import dev.pinch.evaluator.generation.GeneratedResponse;
import dev.pinch.evaluator.judge.SxsOutcome;
import dev.pinch.evaluator.judge.SxsResult;
import dev.pinch.evaluator.judge.Verdict;
import dev.pinch.evaluator.planning.JudgeSpec;
import dev.pinch.evaluator.scoring.LabelSets;
import dev.pinch.evaluator.scoring.TaskScorer;
import dev.pinch.events.EventCodec;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-language scores from stored responses: language rate, task score, SxS, and the baseline's self-comparison. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshStoreTestResource.class)
class CheckpointScorerTest {

    static final Set<String> LANGS = Set.of("en", "fi", "sw");

    @Inject
    CheckpointScorer scorer;

    static GeneratedResponse r(String id, String task, String reference, String response) {
        return new GeneratedResponse(id, "fi", task, "Ohje " + id, reference, response, 5);
    }

    static Map<String, GeneratedResponse> byId(List<GeneratedResponse> list) {
        Map<String, GeneratedResponse> m = new LinkedHashMap<>();
        list.forEach(x -> m.put(x.id(), x));
        return m;
    }

    @Test
    void languageRateAndTaskScore() {
        List<GeneratedResponse> responses = List.of(
                r("1", "topic", "urheilu", "Urheilu."),                                  // label: in language, 100
                r("2", "topic", "politiikka", "It is about politics and the government."), // en, 0
                r("3", "translation", "Kirja on pöydällä.", "Kirja on pöydällä."),       // fi, chrF 100
                r("4", "translation", "Tänään on kylmä sää.", "The weather is cold today and it is windy."));
        LanguageScore s = scorer.score("fi", responses, LANGS, 64, LabelSets.NONE);
        assertThat(s.prompts()).isEqualTo(4);
        assertThat(s.languageRate()).isEqualTo(0.5);
        assertThat(s.taskScore()).isBetween(50.0, 57.0);
        assertThat(s.sxs()).isNull();
        assertThat(s.results()).extracting(PromptResult::id).containsExactly("1", "2", "3", "4");
        assertThat(s.results()).extracting(PromptResult::inLanguage).containsExactly(true, false, true, false);
        assertThat(s.results().get(2).task()).isEqualTo(100.0);
        assertThat(s.degenerateRate()).isZero();
        assertThat(s.examples()).extracting(Example::id).containsExactly("1", "2", "3");
        assertThat(s.examples().get(0).response()).isEqualTo("Urheilu.");
        assertThat(s.examples().get(0).instruction()).isEqualTo("Ohje 1");
    }

    @Test
    void aClassificationPromptKeepsItsAnswerBesideTheExpectedLabelAndItSurvivesJson() throws Exception {
        LabelSets labels = LabelSets.builder(new TaskScorer()).add("fi", "topic", "urheilu")
                .add("fi", "topic", "politiikka").build();
        String rambling = "Tämä teksti kertoo urheilusta ja politiikasta, ja se jatkuu pitkään ilman vastausta";
        List<GeneratedResponse> responses = List.of(
                r("1", "topic", "Urheilu", " **Urheilu.** "),
                r("2", "topic", "politiikka", "urheilu"),
                r("3", "topic", "politiikka", rambling),
                r("4", "translation", "Kirja on pöydällä.", "Kirja on pöydällä."));
        LanguageScore s = scorer.score("fi", responses, LANGS, 64, labels);
        assertThat(s.results()).extracting(PromptResult::label).containsExactly(
                new PromptResult.Label("urheilu", "urheilu", true),
                new PromptResult.Label("urheilu", "politiikka", true),
                new PromptResult.Label(TaskScorer.normaliseLabel(rambling), "politiikka", false),
                null);
        String kept = s.results().get(2).label().answer();
        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(PromptResult.MAX_ANSWER);
        assertThat(kept).endsWith("…").startsWith("tämä teksti kertoo urheilusta ja politi");
        LanguageScore back = EventCodec.mapper().readValue(EventCodec.encode(s), LanguageScore.class);
        assertThat(back.results()).extracting(PromptResult::label).isEqualTo(s.results().stream()
                .map(PromptResult::label).toList());
    }

    @Test
    void degenerateAndLanguageConfusionPerPromptAndPerCell() {
        String loop = "kirja kirja kirja kirja kirja kirja kirja kirja kirja kirja kirja kirja";
        List<GeneratedResponse> responses = List.of(
                new GeneratedResponse("1", "fi", null, "Ohje", null, loop, 64),
                r("2", null, null, "Hallitus ilmoitti tänään uusista taloudellisista toimista.\nThe"
                        + " government also announced new taxes for companies."),
                r("3", null, null, "Hyvä"));
        LanguageScore s = scorer.score("fi", responses, LANGS, 64, LabelSets.NONE);
        assertThat(s.results()).extracting(PromptResult::degenerate).containsExactly(true, false, false);
        assertThat(s.degenerateRate()).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(s.results().get(1).linePass()).isFalse();
        assertThat(s.results().get(2).linePass()).as("one word: not counted").isNull();
        assertThat(s.wordPassRate()).as("Finnish is written in Latin script").isNull();
    }

    @Test
    void withoutReferencesThereIsNoTaskScoreAndItSurvivesJson() throws Exception {
        LanguageScore s = scorer.score("fi", List.of(r("1", null, null, "Hyvää huomenta kaikille ystäville.")), LANGS,
                64, LabelSets.NONE);
        assertThat(s.taskScore()).isNaN();
        assertThat(s.languageRate()).isEqualTo(1.0);
        LanguageScore back = EventCodec.mapper().readValue(EventCodec.encode(s), LanguageScore.class);
        assertThat(back.taskScore()).isNaN();
    }

    @Test
    void sxsAgainstItselfIsFiftyAndABetterCandidateWins() {
        List<GeneratedResponse> baseline = List.of(
                r("1", "translation", "Kirja on pöydällä.", "Book table."),
                r("2", "topic", "urheilu", "The answer is sports"));
        JudgeSpec judge = JudgeSpec.reference(1.0);
        assertThat(scorer.sxs(judge, LANGS, LabelSets.NONE, baseline, byId(baseline)).percentage()).isEqualTo(50.0);
        List<GeneratedResponse> better = List.of(
                r("1", "translation", "Kirja on pöydällä.", "Kirja on pöydällä."),
                r("2", "topic", "urheilu", "urheilu"));
        SxsResult won = scorer.sxs(judge, LANGS, LabelSets.NONE, better, byId(baseline));
        assertThat(won.percentage()).isEqualTo(100.0);
        assertThat(scorer.sxs(judge, LANGS, LabelSets.NONE, baseline, byId(better)).percentage()).isEqualTo(0.0);
        LanguageScore cell = CellExamples.withSxs(scorer.score("fi", better, LANGS, 64, LabelSets.NONE), won, null, "e.mono-fi",
                byId(better), byId(baseline));
        assertThat(cell.sxs()).isEqualTo(100.0);
        assertThat(cell.results()).extracting(PromptResult::sxs).containsOnly(SxsOutcome.WIN);
        assertThat(cell.results().get(0).candidateFirst()).isEqualTo(Verdict.Choice.A);
        assertThat(cell.results().get(0).baselineFirst()).isEqualTo(Verdict.Choice.B);
        assertThat(cell.examples().get(0).baselineResponse()).isEqualTo("Book table.");
        assertThat(cell.examples().get(0).candidateFirst().rationale()).contains("not in fi");
        LanguageScore self = CellExamples.withSxs(scorer.score("fi", baseline, LANGS, 64, LabelSets.NONE), null, null, "e.mono-fi",
                byId(baseline), byId(baseline));
        assertThat(self.sxs()).isEqualTo(50.0);
        assertThat(self.results()).extracting(PromptResult::sxs).containsOnly(SxsOutcome.TIE);
        assertThat(self.results()).extracting(PromptResult::candidateFirst).containsOnlyNulls();
        assertThat(scorer.sxs(judge, LANGS, LabelSets.NONE, List.of(r("9", null, null, "x")), byId(baseline))).isNull();
    }
}
