package dev.pinch.evaluator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskScorerTest {

    private final TaskScorer scorer = new TaskScorer();

    @Test
    void copyMustEqualTheReferenceUpToWhiteSpaceAndCompatibilityForms() {
        assertThat(scorer.score("copy", "  The cat sat.\n", "The cat sat.")).isEqualTo(100.0);
        assertThat(scorer.score("copy", "The  cat\tsat.", "The cat sat.")).isEqualTo(100.0);
        assertThat(scorer.score("copy", "ｔｈｅ cat", "the cat")).isEqualTo(100.0);
        assertThat(scorer.score("copy", "the cat sat.", "The cat sat.")).isEqualTo(0.0);
        assertThat(scorer.score("copy", "The cat sat", "The cat sat.")).isEqualTo(0.0);
        assertThat(scorer.score("COPY", "The cat sat. The cat sat.", "The cat sat.")).isEqualTo(0.0);
    }

    @Test
    void classificationIsExactLabelMatchAfterNormalisation() {
        assertThat(scorer.score("topic", "sport", "sport")).isEqualTo(100.0);
        assertThat(scorer.score("topic", "  Sport. ", "sport")).isEqualTo(100.0);
        assertThat(scorer.score("TOPIC", "**Znanost/tehnologija**!", "znanost/tehnologija")).isEqualTo(100.0);
        assertThat(scorer.score("topic", "science\n  technology", "Science technology")).isEqualTo(100.0);
        assertThat(scorer.score("topic", "«Политика»", "политика")).isEqualTo(100.0);
        assertThat(scorer.score("topic", "sport, I think", "sport")).isEqualTo(0.0);
        assertThat(scorer.score("topic", "", "sport")).isEqualTo(0.0);
        assertThat(scorer.score("topic", null, "sport")).isEqualTo(0.0);
        assertThat(scorer.score("language-id", "Finnish.", "finnish")).isEqualTo(100.0);
        assertThat(scorer.score("language-id", "Estonian", "Finnish")).isEqualTo(0.0);
    }

    @Test
    void generationAndTranslationAndUnknownTasksUseSentenceChrF() {
        String ref = "Kokous alkaa kello kolme iltapäivällä.";
        String hyp = "Kokous alkaa kolmelta iltapäivällä.";
        double chrf = ChrF.chrF().sentenceScore(hyp, ref);
        assertThat(chrf).isBetween(1.0, 99.0);
        assertThat(scorer.score("continuation", hyp, ref)).isEqualTo(chrf);
        assertThat(scorer.score("translation", hyp, ref)).isEqualTo(chrf);
        assertThat(scorer.score("summarisation", hyp, ref)).isEqualTo(chrf);
        assertThat(scorer.score(null, hyp, ref)).isEqualTo(chrf);
        assertThat(scorer.score("translation", ref, ref)).isCloseTo(100.0, within(1e-9));
        assertThat(scorer.score("translation", "", ref)).isEqualTo(0.0);
    }

    @Test
    void classificationTasksAreConfigurable() {
        TaskScorer custom = new TaskScorer(Set.of("Sentiment"), ChrF.chrFPlusPlus());
        assertThat(custom.isClassification("sentiment")).isTrue();
        assertThat(custom.isClassification("topic")).isFalse();
        assertThat(custom.score("topic", "a b", "a b c")).isEqualTo(ChrF.chrFPlusPlus().sentenceScore("a b", "a b c"));
    }

    @Test
    void missingReferenceIsAnError() {
        assertThatThrownBy(() -> scorer.score("translation", "x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no reference");
    }
}
