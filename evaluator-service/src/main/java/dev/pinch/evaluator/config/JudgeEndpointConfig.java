package dev.pinch.evaluator.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * One LLM judge the operator offers to experiments: {@code pinch.evaluator.judges.<name>.*}. An experiment refers to
 * it by name only ({@code eval.judge: {type: llm, name: <name>}}); the endpoint, the model and the key stay here.
 * Names are lower-case letters and digits (they are also part of environment variable names:
 * {@code PINCH_EVALUATOR_JUDGES_<NAME>_BASE_URL}).
 */
public interface JudgeEndpointConfig {

    /** OpenAI-compatible http(s) base URL up to the version, e.g. {@code http://vllm:8000/v1}. Required. */
    String baseUrl();

    /** The model name sent in each request. Required. */
    String model();

    /**
     * The environment variable that holds the API key, e.g. {@code PINCH_JUDGE_API_KEY} fed from a Kubernetes
     * Secret; absent (the default) sends no key (local vLLM, Ollama).
     */
    Optional<String> apiKeyEnv();

    /** Requests in flight at once, across every evaluation. Default 4. */
    @WithDefault("4")
    int maxConcurrency();

    /** Time allowed per request. Default 60 s. */
    @WithDefault("PT60S")
    Duration timeout();

    /** Attempts per verdict (retries on 5xx, 429, timeouts and unparsable answers). Default 4. */
    @WithDefault("4")
    int maxAttempts();

    /** {@code max_tokens} per request. Default 32. */
    @WithDefault("32")
    int maxTokens();
}
