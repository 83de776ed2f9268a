package dev.pinch.evaluator.judge;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link LlmJudge}. Build with {@link #builder(String, String)}.
 *
 * @param baseUrl        OpenAI-compatible API base, up to and including the version ({@code http://localhost:8000/v1}
 *                       for vLLM, {@code http://localhost:11434/v1} for Ollama); {@code /chat/completions} is appended
 * @param model          model name sent in each request
 * @param apiKey         Bearer token, or {@link ApiKey#none()}
 * @param template       the pairwise prompt
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout time allowed for one request until the response headers arrive
 * @param maxAttempts    attempts per verdict (first try included) on 5xx, 429, timeouts, connection errors and
 *                       unparsable answers; other 4xx fail at once
 * @param initialBackoff wait before the second attempt; doubled for each further one
 * @param maxBackoff     longest wait between attempts
 * @param maxConcurrency requests in flight at once, across all callers of this judge
 * @param maxTokens      {@code max_tokens} of each request
 * @param cacheFile      JSONL verdict cache, appended to and loaded on start; null keeps verdicts in memory only
 */
public record LlmJudgeConfig(URI baseUrl, String model, ApiKey apiKey, PromptTemplate template,
                             Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                             Duration initialBackoff, Duration maxBackoff, int maxConcurrency, int maxTokens,
                             Path cacheFile) {

    /** Validates the settings. */
    public LlmJudgeConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("an LLM judge needs a model name");
        }
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(template, "template");
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxConcurrency < 1 || maxTokens < 1) {
            throw new IllegalArgumentException("maxAttempts, maxConcurrency and maxTokens must be >= 1");
        }
    }

    /** Defaults: no key, default template, 5 s connect, 60 s request, 4 attempts, 1 s → 30 s backoff, 4 in flight, 32 tokens. */
    public static Builder builder(String baseUrl, String model) {
        return new Builder(URI.create(baseUrl), model);
    }

    /** The chat-completions endpoint. */
    public URI endpoint() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Builder of {@link LlmJudgeConfig}. */
    public static final class Builder {
        private final URI baseUrl;
        private final String model;
        private ApiKey apiKey = ApiKey.none();
        private PromptTemplate template = PromptTemplate.DEFAULT;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private int maxConcurrency = 4;
        private int maxTokens = 32;
        private Path cacheFile;

        private Builder(URI baseUrl, String model) {
            this.baseUrl = baseUrl;
            this.model = model;
        }

        /** Sets the API key. */
        public Builder apiKey(ApiKey v) { apiKey = v; return this; }

        /** Sets the prompt template. */
        public Builder template(PromptTemplate v) { template = v; return this; }

        /** Sets the connect and request timeouts. */
        public Builder timeouts(Duration connect, Duration request) { connectTimeout = connect; requestTimeout = request; return this; }

        /** Sets the attempts per verdict and the backoff between them. */
        public Builder retries(int attempts, Duration initial, Duration max) {
            maxAttempts = attempts; initialBackoff = initial; maxBackoff = max; return this;
        }

        /** Sets how many requests may be in flight at once. */
        public Builder maxConcurrency(int v) { maxConcurrency = v; return this; }

        /** Sets {@code max_tokens}. */
        public Builder maxTokens(int v) { maxTokens = v; return this; }

        /** Sets the verdict cache file (null: memory only). */
        public Builder cacheFile(Path v) { cacheFile = v; return this; }

        /** The validated settings. */
        public LlmJudgeConfig build() {
            return new LlmJudgeConfig(baseUrl, model, apiKey, template, connectTimeout, requestTimeout, maxAttempts,
                    initialBackoff, maxBackoff, maxConcurrency, maxTokens, cacheFile);
        }
    }
}
