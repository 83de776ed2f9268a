package dev.pinch.evaluator.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.evaluator.FreshStoreTestResource;
import dev.pinch.evaluator.domain.LanguageScore;
import dev.pinch.evaluator.generation.GeneratedResponse;
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
        LanguageScore s = scorer.score("fi", responses, LANGS);
        assertThat(s.prompts()).isEqualTo(4);
        assertThat(s.languageRate()).isEqualTo(0.5);
        assertThat(s.taskScore()).isBetween(50.0, 57.0);
        assertThat(s.sxs()).isNull();
    }

    @Test
    void withoutReferencesThereIsNoTaskScoreAndItSurvivesJson() throws Exception {
        LanguageScore s = scorer.score("fi", List.of(r("1", null, null, "Hyvää huomenta kaikille ystäville.")), LANGS);
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
        assertThat(scorer.sxs(judge, LANGS, baseline, byId(baseline))).isEqualTo(50.0);
        List<GeneratedResponse> better = List.of(
                r("1", "translation", "Kirja on pöydällä.", "Kirja on pöydällä."),
                r("2", "topic", "urheilu", "urheilu"));
        assertThat(scorer.sxs(judge, LANGS, better, byId(baseline))).isEqualTo(100.0);
        assertThat(scorer.sxs(judge, LANGS, baseline, byId(better))).isEqualTo(0.0);
        assertThat(scorer.sxs(judge, LANGS, List.of(r("9", null, null, "x")), byId(baseline))).isNull();
    }
}
