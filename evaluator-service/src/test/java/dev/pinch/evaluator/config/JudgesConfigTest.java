package dev.pinch.evaluator.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's judges as compose and k8s set them: environment variables, one judge per name. */
class JudgesConfigTest {

    private static EvaluatorConfig fromEnvironment(Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new EnvConfigSource(env, 300))
                .withMapping(EvaluatorConfig.class).build();
        return config.getConfigMapping(EvaluatorConfig.class);
    }

    @Test
    void judgesAreNamedInEnvironmentVariablesWithDocumentedDefaults() {
        EvaluatorConfig config = fromEnvironment(Map.of(
                "PINCH_EVALUATOR_JUDGES_QWEN_BASE_URL", "http://vllm:8000/v1",
                "PINCH_EVALUATOR_JUDGES_QWEN_MODEL", "Qwen/Qwen2.5-7B-Instruct",
                "PINCH_EVALUATOR_JUDGES_QWEN_API_KEY_ENV", "PINCH_JUDGE_API_KEY",
                "PINCH_EVALUATOR_JUDGES_LOCAL_BASE_URL", "http://host:11434/v1",
                "PINCH_EVALUATOR_JUDGES_LOCAL_MODEL", "m",
                "PINCH_EVALUATOR_JUDGES_LOCAL_MAX_CONCURRENCY", "2"));
        assertThat(config.judges()).containsOnlyKeys("qwen", "local");
        JudgeEndpointConfig qwen = config.judges().get("qwen");
        assertThat(qwen.baseUrl()).isEqualTo("http://vllm:8000/v1");
        assertThat(qwen.apiKeyEnv()).contains("PINCH_JUDGE_API_KEY");
        assertThat(qwen.maxConcurrency()).isEqualTo(4);
        assertThat(qwen.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(qwen.maxAttempts()).isEqualTo(4);
        assertThat(qwen.maxTokens()).isEqualTo(32);
        assertThat(config.judges().get("local").apiKeyEnv()).isEmpty();
        assertThat(config.judges().get("local").maxConcurrency()).isEqualTo(2);
    }

    @Test
    void withoutJudgesThereAreNone() {
        assertThat(fromEnvironment(Map.of()).judges()).isEmpty();
    }
}
