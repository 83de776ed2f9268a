package dev.pinch.evaluator.planning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.pinch.events.settings.JudgeSettings;

/**
 * The judge an experiment asked for ({@link JudgeSettings}, from {@code eval.judge}), with the evaluator's default
 * tie margin applied.
 *
 * @param type           {@code reference} or {@code llm}
 * @param tieMargin      reference judge: task-score differences up to this tie
 * @param baseUrl        llm: OpenAI-compatible base URL up to the version, e.g. {@code http://localhost:8000/v1}
 * @param model          llm: model name
 * @param apiKeyEnv      llm: environment variable holding the API key, or null
 * @param apiKeyFile     llm: file holding the API key (a mounted secret), or null
 * @param maxConcurrency llm: requests in flight (default 4)
 * @param timeoutSeconds llm: time allowed per request (default 60)
 * @param maxAttempts    llm: attempts per verdict (default 4)
 * @param maxTokens      llm: {@code max_tokens} per request (default 32)
 * @param template       llm: pairwise prompt template, or null for the default
 */
public record JudgeSpec(String type, double tieMargin, String baseUrl, String model, String apiKeyEnv,
        String apiKeyFile, int maxConcurrency, int timeoutSeconds, int maxAttempts, int maxTokens, String template) {

    /** The reference judge type. */
    public static final String REFERENCE = "reference";
    /** The LLM judge type. */
    public static final String LLM = "llm";

    /** The reference judge with a tie margin. */
    public static JudgeSpec reference(double tieMargin) {
        return new JudgeSpec(REFERENCE, tieMargin, null, null, null, null, 0, 0, 0, 0, null);
    }

    /** Whether this is the deterministic reference judge. */
    @JsonIgnore
    public boolean isReference() {
        return REFERENCE.equals(type);
    }

    /** The judge's name in store keys and events: {@code reference}, or {@code llm-<model>} with safe characters. */
    public String name() {
        if (isReference()) {
            return REFERENCE;
        }
        String safe = model.replaceAll("[^A-Za-z0-9._=+-]", "-");
        return ("llm-" + safe).substring(0, Math.min(120, safe.length() + 4));
    }

    /** The judge of typed settings; null settings, or no tie margin, take {@code defaultTieMargin}. */
    static JudgeSpec of(JudgeSettings judge, double defaultTieMargin) {
        if (judge == null) {
            return reference(defaultTieMargin);
        }
        double margin = judge.tieMargin() != null ? judge.tieMargin() : defaultTieMargin;
        if (judge.isReference()) {
            return reference(margin);
        }
        return new JudgeSpec(LLM, margin, judge.baseUrl(), judge.model(), judge.apiKeyEnv(), judge.apiKeyFile(),
                judge.maxConcurrency(), judge.timeoutSeconds(), judge.maxAttempts(), judge.maxTokens(),
                judge.template());
    }
}
