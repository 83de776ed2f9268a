package dev.pinch.evaluator.judge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * A judge backed by any OpenAI-compatible chat-completions endpoint (vLLM, Ollama, TGI, hosted APIs). It renders
 * the pairwise {@link PromptTemplate}, asks at temperature 0 and reads A, B or tie from the answer
 * ({@link VerdictParser}). Transient failures and unparsable answers are retried with exponential backoff, at
 * most {@link LlmJudgeConfig#maxConcurrency()} requests are in flight, and verdicts are cached (in a JSONL file
 * when configured) under (model, template hash, prompt, response A, response B), so a re-run costs nothing.
 * Thread-safe. The API key is never logged.
 */
public final class LlmJudge implements Judge {

    private static final System.Logger LOG = System.getLogger(LlmJudge.class.getName());
    private static final int MAX_RATIONALE = 500;

    private final LlmJudgeConfig config;
    private final ChatCompletionsClient client;
    private final VerdictCache cache;
    private final Semaphore inFlight;
    private final String fingerprint;

    /** A judge with its own HTTP client. */
    public LlmJudge(LlmJudgeConfig config) {
        this(config, ChatCompletionsClient.newHttpClient(config));
    }

    /** A judge using {@code http} (which should honour {@link LlmJudgeConfig#connectTimeout()}). */
    public LlmJudge(LlmJudgeConfig config, HttpClient http) {
        ObjectMapper json = new ObjectMapper();
        this.config = config;
        this.client = new ChatCompletionsClient(config, http, json);
        this.cache = new VerdictCache(config.cacheFile(), json);
        this.inFlight = new Semaphore(config.maxConcurrency(), true);
        this.fingerprint = config.model() + "\u0000" + config.template().sha256();
    }

    @Override
    public String id() {
        return "llm:" + config.model();
    }

    /** Number of cached verdicts. */
    public int cachedVerdicts() {
        return cache.size();
    }

    @Override
    public Verdict compare(JudgeRequest request) {
        String key = VerdictCache.key(fingerprint, request);
        Optional<Verdict> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        String prompt = config.template().render(request);
        String lastFailure = "";
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            try {
                String answer = ask(prompt);
                Optional<Verdict.Choice> choice = VerdictParser.parse(answer);
                if (choice.isPresent()) {
                    Verdict verdict = Verdict.of(choice.get(), rationale(answer));
                    cache.put(key, id(), verdict);
                    return verdict;
                }
                lastFailure = "no verdict (A, B or tie) in an answer of " + answer.length() + " characters";
            } catch (ChatCompletionsClient.Retryable e) {
                lastFailure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JudgeException("interrupted while waiting for the LLM judge", e);
            }
            if (attempt < config.maxAttempts()) {
                Duration wait = backoff(attempt);
                LOG.log(System.Logger.Level.DEBUG, "LLM judge attempt {0}/{1} failed ({2}); retrying in {3} ms",
                        attempt, config.maxAttempts(), lastFailure, wait.toMillis());
                sleep(wait);
            }
        }
        throw new JudgeException("LLM judge " + ChatCompletionsClient.abbreviate(config.model()) + " gave no verdict after "
                + config.maxAttempts() + " attempts; last: " + lastFailure);
    }

    /** The wait after failed attempt {@code attempt} (1-based): initial × 2^(attempt-1), at most the maximum. */
    Duration backoff(int attempt) {
        Duration d = config.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 30));
        return d.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : d;
    }

    private String ask(String prompt) throws ChatCompletionsClient.Retryable, InterruptedException {
        inFlight.acquire();
        try {
            return client.complete(prompt);
        } finally {
            inFlight.release();
        }
    }

    private static String rationale(String answer) {
        String s = answer.strip();
        return s.length() <= MAX_RATIONALE ? s : s.substring(0, MAX_RATIONALE) + "…";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeException("interrupted while backing off", e);
        }
    }
}
