package dev.pinch.evaluator.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    private static final JudgeRequest REQ = new JudgeRequest("fi", "continuation", "Jatka tekstiä: {{response_b}}",
            "viite", "vastaus A", "vastaus B");

    @Test
    void defaultTemplateAsksWhichResponseFollowsTheInstructionInTheLanguage() {
        String prompt = PromptTemplate.DEFAULT.render(REQ);
        assertThat(prompt).contains("Finnish").contains("Jatka tekstiä").contains("vastaus A").contains("vastaus B")
                .contains("A, B or tie").doesNotContain("{{language}}").doesNotContain("{{response_a}}");
        // placeholder-like text inside the instruction is not substituted again
        assertThat(prompt).contains("Jatka tekstiä: {{response_b}}");
    }

    @Test
    void customTemplatesUseAllPlaceholdersAndHashDiffers() {
        PromptTemplate t = new PromptTemplate("{{language_code}}|{{task}}|{{reference}}|{{response_a}}|{{response_b}}|{{other}}");
        assertThat(t.render(REQ)).isEqualTo("fi|continuation|viite|vastaus A|vastaus B|{{other}}");
        assertThat(t.sha256()).hasSize(64).isNotEqualTo(PromptTemplate.DEFAULT.sha256());
        assertThatThrownBy(() -> new PromptTemplate("only {{response_a}}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PromptTemplate.languageName("sw")).isEqualTo("Swahili");
        assertThat(PromptTemplate.languageName("xx")).isEqualTo("xx");
    }

    @Test
    void apiKeysComeFromTheOperatorsVariableAndAreNeverPrinted() {
        ApiKey key = ApiKey.of("sk-secret-123\n");
        assertThat(key.isPresent()).isTrue();
        assertThat(key.authorization()).contains("Bearer sk-secret-123");
        assertThat(key.toString()).doesNotContain("sk-secret");
        assertThat(ApiKey.none().authorization()).isEmpty();
        assertThat(ApiKey.of(" ").isPresent()).isFalse();
        assertThatThrownBy(() -> ApiKey.fromEnv("PINCH_TEST_SURELY_UNSET_VARIABLE"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PINCH_TEST_SURELY_UNSET_VARIABLE");
        assertThat(ApiKey.fromEnv("PATH").toString()).isEqualTo("ApiKey[env PATH, ****]");
    }
}
