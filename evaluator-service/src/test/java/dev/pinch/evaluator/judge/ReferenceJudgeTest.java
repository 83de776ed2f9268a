package dev.pinch.evaluator.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.evaluator.judge.Verdict.Choice;
import dev.pinch.evaluator.scoring.LanguageIdentifier;
import dev.pinch.evaluator.scoring.LabelSets;
import dev.pinch.evaluator.scoring.LinguaLanguageIdentifier;
import dev.pinch.evaluator.scoring.ResponseLanguage;
import dev.pinch.evaluator.scoring.TaskScorer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceJudgeTest {

    /** Treats responses starting with "[xx]" as language xx. */
    private static final LanguageIdentifier TAGGED = new LanguageIdentifier() {
        @Override
        public Optional<String> identify(String text, Set<String> candidates) {
            return text.startsWith("[") ? Optional.of(text.substring(1, 3)) : Optional.empty();
        }

        @Override
        public boolean isInLanguage(String text, String expected, Set<String> experimentLanguages) {
            return identify(text, experimentLanguages).map(expected::equals).orElse(false);
        }

        @Override
        public boolean supports(String language) {
            return true;
        }
    };

    private static final LabelSets FINNISH_TOPICS = LabelSets.builder(new TaskScorer()).add("fi", "topic", "urheilu")
            .add("fi", "topic", "politiikka").add("en", "topic", "sport").build();

    private final ReferenceJudge judge = judge(FINNISH_TOPICS, Set.of("fi", "en"), 1.0);

    private static ReferenceJudge judge(LabelSets labels, Set<String> languages, double tieMargin) {
        return judge(TAGGED, labels, languages, tieMargin);
    }

    private static ReferenceJudge judge(LanguageIdentifier id, LabelSets labels, Set<String> languages,
            double tieMargin) {
        return new ReferenceJudge(new ResponseLanguage(id, new TaskScorer(), labels, languages), new TaskScorer(),
                tieMargin);
    }

    private static JudgeRequest req(String task, String ref, String a, String b) {
        return new JudgeRequest("fi", task, "instruction", ref, a, b);
    }

    @Test
    void wrongLanguageLosesWhateverItsScore() {
        Verdict v = judge.compare(req("translation", "[fi] kissa istuu matolla", "[en] kissa istuu matolla", "[fi] koira"));
        assertThat(v.choice()).isEqualTo(Choice.B);
        assertThat(v.explanation()).contains("response A is not in fi");
        assertThat(judge.compare(req("translation", "[fi] x", "[fi] y", "[en] x")).choice()).isEqualTo(Choice.A);
    }

    @Test
    void higherTaskScoreWinsWhenBothOrNeitherAreInLanguage() {
        String ref = "[fi] Kokous alkaa kello kolme iltapäivällä.";
        assertThat(judge.compare(req("continuation", ref, "[fi] Kokous alkaa kello kolme.", "[fi] Hyvää päivää!"))
                .choice()).isEqualTo(Choice.A);
        assertThat(judge.compare(req("continuation", ref, "[en] Hello", "[en] Kokous alkaa kello kolme."))
                .choice()).isEqualTo(Choice.B);
    }

    @Test
    void scoresWithinTheTieMarginTie() {
        String ref = "[fi] abcdefghij";
        Verdict v = judge.compare(req("continuation", ref, "[fi] abcdefghij", "[fi] abcdefghij "));
        assertThat(v.choice()).isEqualTo(Choice.TIE);
        ReferenceJudge wide = judge(LabelSets.NONE, Set.of("fi"), 100.0);
        assertThat(wide.compare(req("continuation", ref, "[fi] abcdefghij", "[fi] zzz")).choice()).isEqualTo(Choice.TIE);
    }

    @Test
    void classificationUsesExactMatchAndACorrectLabelIsInLanguage() {
        // "urheilu" alone is not tagged, so the identifier cannot place it; matching the reference label suffices
        Verdict v = judge.compare(req("topic", "urheilu", "Urheilu.", "[fi] politiikka"));
        assertThat(v.choice()).isEqualTo(Choice.A);
        assertThat(judge.compare(req("topic", "urheilu", "[fi] politiikka", "[fi] talous")).choice()).isEqualTo(Choice.TIE);
    }

    @Test
    void aWrongLabelOfThePromptsLanguageIsInLanguageButALabelOfAnotherLanguageIsNot() {
        // "politiikka" is a Finnish topic label: wrong, but Finnish; "sport" is only an English label
        assertThat(judge.compare(req("topic", "urheilu", "Politiikka", "sport")).choice()).isEqualTo(Choice.A);
        assertThat(judge(LabelSets.NONE, Set.of("fi", "en"), 1.0).compare(req("topic", "urheilu", "Politiikka",
                "sport")).choice()).isEqualTo(Choice.TIE);
    }

    @Test
    void copyIsScoredByExactMatch() {
        String ref = "[fi] Kokous alkaa kello kolme.";
        assertThat(judge.compare(req("copy", ref, "[fi]  Kokous alkaa kello kolme. ", "[fi] Kokous alkaa kello kolme"))
                .choice()).isEqualTo(Choice.A);
    }

    @Test
    void withoutReferenceOnlyLanguageDecides() {
        assertThat(judge.compare(req("chat", null, "[fi] a", "[en] b")).choice()).isEqualTo(Choice.A);
        assertThat(judge.compare(req("chat", null, "[fi] a", "[fi] b")).choice()).isEqualTo(Choice.TIE);
    }

    @Test
    void withLinguaAnEnglishAnswerToAFinnishPromptLosesTheSideBySide() {
        ReferenceJudge real = judge(new LinguaLanguageIdentifier(), LabelSets.NONE, Set.of("fi", "en", "et"),
                ReferenceJudge.DEFAULT_TIE_MARGIN);
        SxsPrompt p = new SxsPrompt("1", "fi", "continuation", "Jatka tekstiä.",
                "Kokous alkaa kello kolme iltapäivällä.",
                "The meeting starts at three o'clock in the afternoon.",
                "Kokous on tänään.");
        assertThat(new SxsScorer().score(real, List.of(p)).percentage()).isEqualTo(0.0);
        assertThat(real.id()).isEqualTo("reference");
    }
}
