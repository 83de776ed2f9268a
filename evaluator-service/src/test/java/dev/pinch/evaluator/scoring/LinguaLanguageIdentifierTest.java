package dev.pinch.evaluator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LinguaLanguageIdentifierTest {

    private static final LinguaLanguageIdentifier LID = new LinguaLanguageIdentifier();
    private static final Set<String> BUILTIN = Set.of("ar", "zh", "cs", "en", "et", "fi", "he", "hi", "it", "ru",
            "es", "sw", "sr", "hr", "sl", "pl", "sk");

    @Test
    void identifiesAmongCandidates() {
        assertThat(LID.identify("The meeting will start at three o'clock in the afternoon.", BUILTIN)).contains("en");
        assertThat(LID.identify("Schůzka začne ve tři hodiny odpoledne, přijďte včas.", BUILTIN)).contains("cs");
        assertThat(LID.identify("Stretnutie sa začne o tretej popoludní, príďte včas.", BUILTIN)).contains("sk");
        assertThat(LID.identify("Sastanak će početi u tri sata poslijepodne, dođite na vrijeme.", BUILTIN)).contains("hr");
    }

    @Test
    void cyrillicSerbianIsSerbianEvenAmongOtherCyrillicLanguages() {
        String serbian = "Састанак ће почети у три сата поподне, дођите на време.";
        assertThat(LID.identify(serbian, Set.of("sr", "ru", "bg", "mk", "uk", "hr"))).contains("sr");
        assertThat(LID.isInLanguage(serbian, "sr", BUILTIN)).isTrue();
        assertThat(LID.isInLanguage(serbian, "hr", BUILTIN)).isFalse();
        assertThat(LID.identify("Собрание начнётся в три часа дня, приходите вовремя.", Set.of("sr", "ru", "bg", "mk")))
                .contains("ru");
    }

    @Test
    void scriptAloneDecidesWhenOnlyOneCandidateUsesIt() {
        assertThat(LID.identify("ok", Set.of("ar", "en"))).contains("en");
        assertThat(LID.identify("مرحبا", Set.of("ar", "en", "he"))).contains("ar");
        assertThat(LID.identify("שלום", Set.of("ar", "en", "he"))).contains("he");
        assertThat(LID.identify("नमस्ते", Set.of("hi", "en"))).contains("hi");
        assertThat(LID.identify("你好", Set.of("zh", "en"))).contains("zh");
        assertThat(LID.identify("Привет", Set.of("en", "cs"))).isEmpty();
    }

    @Test
    void mixedScriptChineseWithLatinNamesStaysChinese() {
        String zh = "美国总统唐纳德·特朗普(Donald Trump)嘲笑参议员黛安娜·范斯坦(Dianne Feinstein)";
        assertThat(LID.identify(zh, BUILTIN)).contains("zh");
    }

    @Test
    void textWithoutLettersHasNoLanguage() {
        assertThat(LID.identify("12345 !!! 😀", BUILTIN)).isEmpty();
        assertThat(LID.identify("", BUILTIN)).isEmpty();
        assertThat(LID.isInLanguage("2019.", "en", BUILTIN)).isFalse();
        assertThat(LID.identify(null, BUILTIN)).isEmpty();
        assertThat(LID.isInLanguage(null, "en", BUILTIN)).isFalse();
    }

    @Test
    void wrongLanguageResponsesAreCaught() {
        assertThat(LID.isInLanguage("I think the answer is that the meeting starts at three.", "fi", BUILTIN)).isFalse();
        assertThat(LID.isInLanguage("Kokous alkaa kello kolme iltapäivällä.", "fi", BUILTIN)).isTrue();
        // Portuguese is a default confusable of Spanish even when the experiment has no Portuguese
        assertThat(LID.isInLanguage("Eu não sei se a reunião começa às três horas da tarde.", "es", Set.of("es", "en")))
                .isFalse();
        // English is always a candidate, even in an experiment without it
        assertThat(LID.isInLanguage("Yes, of course, this is exactly what I wanted to say.", "it", Set.of("it", "fi")))
                .isFalse();
    }

    @Test
    void unsupportedExpectedLanguageCannotBeCheckedAndPasses() {
        assertThat(LID.supports("xx")).isFalse();
        assertThat(LID.supports("SR")).isTrue();
        assertThat(LID.isInLanguage("anything", "xx", Set.of("xx", "en"))).isTrue();
        assertThat(LinguaLanguageIdentifier.supportedLanguages()).contains("sw", "he", "hi", "et").hasSize(75);
    }

    @Test
    void confusablesAreConfigurable() {
        ConfusableLanguages conf = ConfusableLanguages.parse("hr=sr,BS; cs = sk");
        assertThat(conf.of("hr")).containsExactlyInAnyOrder("sr", "bs");
        assertThat(conf.of("CS")).containsExactly("sk");
        assertThat(conf.of("fi")).isEmpty();
        assertThat(conf.candidates("hr", Set.of("en", "hr"))).containsExactly("bs", "en", "hr", "sr");
        assertThat(ConfusableLanguages.defaults().candidates("cs", Set.of("cs"))).containsExactly("cs", "en", "sk");
        assertThat(ConfusableLanguages.none().candidates("cs", Set.of("cs", "fi"))).containsExactly("cs", "fi");
    }

    @Test
    void cyrillicAlphabetsSeparateSerbianFromRussian() {
        Set<String> all = Set.of("ru", "sr", "bg", "mk", "uk");
        assertThat(CyrillicOrthography.compatible("Лидер мањине у Представничком дому", all)).containsExactlyInAnyOrder("sr", "mk");
        assertThat(CyrillicOrthography.compatible("Это был тяжёлый день", all)).containsExactly("ru");
        assertThat(CyrillicOrthography.compatible("Так, стоп.", all)).containsExactlyInAnyOrderElementsOf(all);
    }
}
