package dev.pinch.evaluator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** LCB's line-level and word-level checks, with Pinch's identifier and segmenter. */
class LanguageConfusionTest {

    private static final LanguageConfusion LCB = new LanguageConfusion(new LinguaLanguageIdentifier());
    private static final Set<String> LANGS = Set.of("en", "es", "ru", "zh");

    @Test
    void everyLongLineMustBeInThePromptLanguage() {
        String spanish = "El gobierno anunció nuevas medidas económicas para este año.\nLas empresas recibirán ayudas";
        assertThat(LCB.check(spanish, "es", LANGS)).isEqualTo(new LanguageConfusion.Result(true, null));
        String mixed = spanish + "\nThe government also announced new taxes for large companies.";
        assertThat(LCB.check(mixed, "es", LANGS).linePass()).isFalse();
    }

    @Test
    void shortLinesAreSkippedAndAResponseOfShortLinesIsNotCounted() {
        // "OK, thanks!" has 2 words: skipped, so only the Russian line is judged
        String reply = "OK, thanks!\nПравительство объявило о новых экономических мерах на этот год.";
        assertThat(LCB.check(reply, "ru", LANGS).linePass()).isTrue();
        assertThat(LCB.check("спорт", "ru", LANGS)).isEqualTo(new LanguageConfusion.Result(null, null));
        assertThat(LCB.check("Hello there, my friend", "ru", LANGS).linePass()).isNull(); // 4 words
    }

    @Test
    void englishWordsFailTheWordLevelCheckOnlyInNonLatinScripts() {
        String russian = "Правительство объявило о новых экономических мерах на этот год";
        assertThat(LCB.check(russian, "ru", LANGS)).isEqualTo(new LanguageConfusion.Result(true, true));
        assertThat(LCB.check(russian + " и другие policy решения", "ru", LANGS))
                .isEqualTo(new LanguageConfusion.Result(true, false));
        // names and short words are not in the list (lower case, longer than 3 letters only)
        assertThat(LCB.check(russian + " в городе Boston и в ООН", "ru", LANGS).wordPass()).isTrue();
        // Latin-script languages have no word-level check
        assertThat(LCB.check("El gobierno anunció nuevas medidas económicas de policy", "es", LANGS).wordPass())
                .isNull();
    }

    @Test
    void chineseIsSplitIntoWordsByTheDictionarySegmenter() {
        assertThat(LanguageConfusion.words("我喜欢apple手机，因为它们很好用", "zh"))
                .contains("apple", "手机").doesNotContain("，").hasSizeGreaterThanOrEqualTo(6);
        String chinese = "政府宣布了今年新的经济措施，企业将获得补贴。";
        assertThat(LCB.check(chinese, "zh", LANGS)).isEqualTo(new LanguageConfusion.Result(true, true));
        assertThat(LCB.check("政府宣布了今年新的经济措施，企业将获得government补贴。", "zh", LANGS).wordPass()).isFalse();
    }
}
