package dev.pinch.evaluator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The "degenerate" definition: cases on both sides of each rule, including the ones a careless rule gets wrong. */
class DegeneracyTest {

    @Test
    void shortAnswersAndLabelsAreNeverDegenerateEvenAtTheTokenLimit() {
        assertThat(Degeneracy.degenerate("sports", true)).isFalse();
        assertThat(Degeneracy.degenerate("science/technology", false)).isFalse();
        assertThat(Degeneracy.degenerate("विज्ञान/प्रौद्योगिकी", false)).isFalse(); // 58 UTF-8 bytes
        assertThat(Degeneracy.degenerate("", true)).isFalse();
        // 31 bytes of "ha": repetitive, but under the minimum length of the compression rule.
        assertThat("hahahahahahahahahahahahahahahah".getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(Degeneracy.MIN_BYTES);
        assertThat(Degeneracy.degenerate("hahahahahahahahahahahahahahahah", false)).isFalse();
    }

    @Test
    void naturalTextInAnyScriptIsNotDegenerate() {
        for (String text : new String[] {
            "The meeting will start at three in the afternoon, after lunch.",
            "Встреча начнётся в три часа дня, после обеда в столовой.",
            "会议将于下午三点开始，午饭后在大厅举行。",
            "El presidente dijo que el gobierno no aceptará las condiciones impuestas por el fondo monetario "
                    + "internacional y que buscará otras vías de financiación para el país.",
            "1. Apples\n2. Oranges\n3. Bananas\n4. Pears\n5. Grapes\n6. Plums\n7. Cherries",
            "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n| 7 | 8 |\n| 9 | 0 |"}) {
            assertThat(Degeneracy.degenerate(text, true)).as(text).isFalse();
        }
    }

    @Test
    void aWordRepeatedUntilTheEndIsDegenerateByCompressionWhereverGenerationStopped() {
        assertThat(Degeneracy.degenerate("Barcelona Barcelona Barcelona Barcelona Barcelona Barcelona Barc", false))
                .isTrue();
        assertThat(Degeneracy.degenerate("的的的的的的的的的的的的的的的的的的的的的", false)).isTrue();
        assertThat(Degeneracy.degenerate("a".repeat(35), false)).isTrue();
        String longLoop = "The city is a city in the city of the city. ".repeat(4);
        assertThat(Degeneracy.degenerate(longLoop, false)).isTrue();
        assertThat(Degeneracy.compressedSize(longLoop.getBytes(StandardCharsets.UTF_8)))
                .isLessThan((int) (0.35 * longLoop.length()));
    }

    @Test
    void aLongerLoopThatFillsTheTokenBudgetIsDegenerateOnlyAtTheLimit() {
        String loop = "I like the city. I like the city. I like the city. I like the c";
        byte[] utf8 = loop.getBytes(StandardCharsets.UTF_8);
        assertThat((double) Degeneracy.compressedSize(utf8) / utf8.length).isGreaterThan(Degeneracy.MAX_RATIO);
        assertThat(Degeneracy.degenerate(loop, true)).isTrue();
        assertThat(Degeneracy.degenerate(loop, false)).isFalse();
        // a multi-byte character cut by the limit (decoded as U+FFFD) does not hide the loop
        assertThat(Degeneracy.degenerate("政治很重要。政治很重要。政治很重要。政\uFFFD", true)).isTrue();
    }

    @Test
    void theLimitAloneOrAShortRepeatedTailIsNotEnough() {
        assertThat(Degeneracy.degenerate("The meeting will start at three in the afternoon, after lunch, and", true))
                .isFalse();
        assertThat(Degeneracy.degenerate("The meeting will start at three in the afternoon!!!!", true)).isFalse();
        // two copies are a repetition, not a loop
        assertThat(Degeneracy.degenerate("We will see you soon. We will see you soon.", true)).isFalse();
    }
}
