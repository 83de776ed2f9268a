package dev.pinch.evaluator.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.evaluator.judge.Verdict.Choice;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VerdictParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A|A", "B|B", "tie|TIE", "Tie.|TIE", "  b  |B", "**A**|A", "**Response B**|B", "Response A|A", "[[B]]|B",
        "'A'|A", "\"tie\"|TIE", "(A)|A", "`B`|B", "Answer: A|A", "Final verdict: tie|TIE", "The answer is B.|B",
        "The better response is A.|A", "A. It answers in Finnish.|A", "B, because it is correct.|B",
        "I prefer Response B because it is written in Finnish.|B", "Verdict: **Response A**|A",
        "Response B is better.|B", "Response A is clearly better than Response B.|A", "B is the better one|B", "<think>A looks fine but B is Finnish</think>B|B", "Draw|TIE",
        "Both are fine, so it is a tie.|TIE", "Winner: assistant A|A", "Ｂ|B"})
    void readsVerdicts(String answer, Choice expected) {
        assertThat(VerdictParser.parse(answer)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "I cannot decide.", "Both responses are poor.",
        "Response A is fluent but Response B is correct.", "A or B?", "C", "The first one."})
    void rejectsMissingOrAmbiguousVerdicts(String answer) {
        assertThat(VerdictParser.parse(answer)).as(answer).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nullIsNoVerdict() {
        assertThat(VerdictParser.parse(null)).isEqualTo(Optional.empty());
    }
}
