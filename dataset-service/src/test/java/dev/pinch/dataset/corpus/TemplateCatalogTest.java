package dev.pinch.dataset.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.dataset.domain.Languages;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemplateCatalogTest {

    static final TemplateCatalog CATALOG = TemplateCatalog.load();

    @Test
    void coversEveryBuiltinLanguageWithAllTasksLabelsAndNames() {
        Set<String> categories = BuiltinSources.sib(BuiltinLanguages.of("en")).stream()
                .map(BuiltinSibRow::category).collect(Collectors.toSet());
        assertThat(categories).hasSize(7);
        for (String lang : Languages.BUILTIN) {
            TemplateLanguage t = CATALOG.language(lang);
            assertThat(t.labels().keySet()).as(lang).isEqualTo(categories);
            assertThat(Set.copyOf(t.labels().values())).as(lang).hasSize(7);
            assertThat(t.languageNames().keySet()).as(lang).containsExactlyInAnyOrderElementsOf(Languages.BUILTIN);
            assertThat(t.languageNames().get(lang)).as(lang).isEqualTo(t.name());
            assertThat(t.templates().keySet()).as(lang).containsExactly("topic", "continuation", "translation", "copy",
                    "language-id");
            assertThat(t.templates("topic")).as(lang).allMatch(s -> s.contains("{text}") && s.contains("{labels}"));
            assertThat(t.templates("continuation")).as(lang).allMatch(s -> s.contains("{text}"));
            assertThat(t.templates("translation")).as(lang)
                    .allMatch(s -> s.contains("{text}") && s.contains("{source_lang}"));
            assertThat(t.templates("copy")).as(lang).hasSize(3).allMatch(s -> s.contains("{text}"));
            assertThat(t.templates("language-id")).as(lang).hasSize(3)
                    .allMatch(s -> s.contains("{text}") && s.contains("{options}"));
        }
    }

    @Test
    void joinsLabelsWithTheLanguagesListSeparator() {
        assertThat(CATALOG.language("en").labelList()).isEqualTo(
                "science/technology, travel, politics, sports, health, entertainment, geography");
        assertThat(CATALOG.language("ar").labelList()).contains("، ").doesNotContain(", ");
        assertThat(CATALOG.language("zh").labelList()).contains("、").doesNotContain(", ");
    }

    @Test
    void rendersInOnePassSoPlaceholdersInsideValuesStay() {
        String out = CATALOG.language("en").render("translation", 0,
                Map.of("text", "a {source_lang} $1 \\ b", "source_lang", "Finnish"));

        assertThat(out).isEqualTo("Translate the following text from Finnish into English.\n\na {source_lang} $1 \\ b");
        assertThatThrownBy(() -> CATALOG.language("en").render("translation", 0, Map.of("text", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
