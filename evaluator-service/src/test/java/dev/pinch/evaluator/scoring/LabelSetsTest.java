package dev.pinch.evaluator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelSetsTest {

    @Test
    void collectsTheNormalisedReferencesOfLabelTasksPerLanguage() {
        LabelSets labels = LabelSets.builder(new TaskScorer())
                .add("es", "topic", "Política").add("es", "topic", "deportes").add("es", "topic", "política")
                .add("es", "language-id", "inglés").add("es", "translation", "Hola a todos.")
                .add("pt", "topic", "esportes").add("es", "topic", null).build();

        assertThat(labels.of("es", "topic")).containsExactly("deportes", "política");
        assertThat(labels.isLabel("es", "topic", " «Política». ")).isTrue();
        assertThat(labels.isLabel("es", "topic", "esportes")).isFalse();
        assertThat(labels.isLabel("pt", "topic", "esportes")).isTrue();
        assertThat(labels.isLabel("es", "language-id", "Inglés")).isTrue();
        assertThat(labels.isLabel("es", "topic", "inglés")).isFalse();
        assertThat(labels.of("es", "translation")).isEmpty();
        assertThat(labels.isLabel("es", "translation", "Hola a todos.")).isFalse();
        assertThat(LabelSets.NONE.isLabel("es", "topic", "política")).isFalse();
    }
}
