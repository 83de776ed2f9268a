package dev.pinch.evaluator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * chrF against sacrebleu's own published test values. Every expected value below is copied from
 * sacrebleu's {@code test/test_chrf.py} (github.com/mjpost/sacrebleu, 2.x), with sacrebleu's tolerance
 * ({@code EPSILON = 1e-4}); the list names and call parameters are the ones used there.
 */
class ChrFTest {

    /** sacrebleu test/test_chrf.py: {@code EPSILON = 1e-4}. */
    private static final double EPSILON = 1e-4;

    /** sacrebleu test/test_chrf.py {@code test_cases}: corpus_chrf(char_order=6, word_order=0, beta=3, eps_smoothing=True). */
    static Stream<Arguments> testCases() {
        return Stream.of(
                Arguments.of(List.of("abcdefg"), List.of("hijklmnop"), 0.0),
                Arguments.of(List.of("a"), List.of("b"), 0.0),
                Arguments.of(List.of(""), List.of("b"), 0.0),
                Arguments.of(List.of(""), List.of("ref"), 0.0),
                Arguments.of(List.of(""), List.of("reference"), 0.0),
                Arguments.of(List.of("aa"), List.of("ab"), 8.3333),
                Arguments.of(List.of("a", "b"), List.of("a", "c"), 8.3333),
                Arguments.of(List.of("a"), List.of("a"), 16.6667),
                Arguments.of(List.of("a b c"), List.of("a b c"), 50.0),
                Arguments.of(List.of("a b c"), List.of("abc"), 50.0),
                Arguments.of(List.of(" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."),
                        List.of("risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."), 63.361730),
                Arguments.of(List.of(" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "),
                        List.of("Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."), 64.1302698),
                Arguments.of(List.of("Niemand hat die Absicht, eine Mauer zu errichten"),
                        List.of("Niemand hat die Absicht, eine Mauer zu errichten"), 100.0));
    }

    /** sacrebleu test/test_chrf.py {@code test_cases_effective_order}: eps_smoothing=False (sacrebleu < 2.0 mode). */
    static Stream<Arguments> testCasesEffectiveOrder() {
        return Stream.of(
                Arguments.of(List.of("a"), List.of("a"), 100.0),
                Arguments.of(List.of(""), List.of("reference"), 0.0),
                Arguments.of(List.of("a b c"), List.of("a b c"), 100.0),
                Arguments.of(List.of("a b c"), List.of("abc"), 100.0),
                Arguments.of(List.of(""), List.of("c"), 0.0),
                Arguments.of(List.of("a", "b"), List.of("a", "c"), 50.0),
                Arguments.of(List.of("aa"), List.of("ab"), 25.0));
    }

    /** sacrebleu test/test_chrf.py {@code test_cases_keep_whitespace}: remove_whitespace=False. */
    static Stream<Arguments> testCasesKeepWhitespace() {
        return Stream.of(
                Arguments.of(List.of("Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."),
                        List.of("Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."), 67.3481606),
                Arguments.of(List.of("risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."),
                        List.of("risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."), 65.2414427));
    }

    /** sacrebleu test/test_chrf.py {@code test_sentence_level_chrf}: sentence_chrf(eps_smoothing=True), other defaults. */
    static Stream<Arguments> testSentenceLevelChrf() {
        return Stream.of(
                Arguments.of("Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
                        "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.", 39.14078509),
                Arguments.of("Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
                        "A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.", 31.22557079),
                Arguments.of("Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
                        "Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.", 57.15704367));
    }

    @ParameterizedTest
    @MethodSource("testCases")
    void chrf(List<String> hypotheses, List<String> references, double expected) {
        ChrF chrf = new ChrF(new ChrFConfig(6, 0, 3, false, false, true));
        assertThat(chrf.corpusScore(hypotheses, references)).isCloseTo(expected, within(EPSILON));
    }

    @ParameterizedTest
    @MethodSource("testCasesEffectiveOrder")
    void chrfEffectiveOrder(List<String> hypotheses, List<String> references, double expected) {
        ChrF chrf = new ChrF(new ChrFConfig(6, 0, 3, false, false, false));
        assertThat(chrf.corpusScore(hypotheses, references)).isCloseTo(expected, within(EPSILON));
    }

    @ParameterizedTest
    @MethodSource("testCasesKeepWhitespace")
    void chrfKeepWhitespace(List<String> hypotheses, List<String> references, double expected) {
        ChrF chrf = new ChrF(new ChrFConfig(6, 0, 3, false, true, false));
        assertThat(chrf.corpusScore(hypotheses, references)).isCloseTo(expected, within(EPSILON));
    }

    @ParameterizedTest
    @MethodSource("testSentenceLevelChrf")
    void chrfSentenceLevel(String hypothesis, String reference, double expected) {
        ChrF chrf = new ChrF(new ChrFConfig(6, 0, 2, false, false, true));
        assertThat(chrf.sentenceScore(hypothesis, List.of(reference))).isCloseTo(expected, within(EPSILON));
    }

    @Test
    void namesAndDefaultsFollowSacrebleu() {
        assertThat(ChrF.chrF().config().name()).isEqualTo("chrF2");
        assertThat(ChrF.chrFPlusPlus().config().name()).isEqualTo("chrF2++");
        assertThat(ChrF.chrF().config().epsSmoothing()).isFalse();
        assertThat(ChrF.chrFPlusPlus().config().order()).isEqualTo(8);
    }

    @Test
    void corpusScoreSumsStatisticsRatherThanAveragingSentences() {
        ChrF chrf = ChrF.chrF();
        List<String> hyps = List.of("the cat sat", "a completely different thing");
        List<String> refs = List.of("the cat sat", "nothing alike here");
        double corpus = chrf.corpusScore(hyps, refs);
        ChrFStatistics sum = chrf.statistics(hyps.get(0), List.of(refs.get(0)))
                .plus(chrf.statistics(hyps.get(1), List.of(refs.get(1))));
        assertThat(corpus).isEqualTo(chrf.score(sum));
        double mean = (chrf.sentenceScore(hyps.get(0), refs.get(0)) + chrf.sentenceScore(hyps.get(1), refs.get(1))) / 2;
        assertThat(corpus).isNotCloseTo(mean, within(0.01));
    }

    @Test
    void rejectsMisalignedOrEmptyInput() {
        ChrF chrf = ChrF.chrF();
        assertThatThrownBy(() -> chrf.corpusScore(List.of("a", "b"), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different lengths");
        assertThatThrownBy(() -> chrf.corpusScore(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChrFConfig(0, 0, 2, false, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wordTokensSplitOffOnePunctuationMarkLikeSacrebleu() {
        assertThat(ChrFText.removePunctuation("(hi) there, \"x\" ! Isn't"))
                .containsExactly("(hi", ")", "there", ",", "\"x", "\"", "!", "Isn't");
        assertThat(ChrFText.split(" a\u00a0b\u3000c\u200bd ")).containsExactly("a", "b", "c\u200bd");
    }
}
