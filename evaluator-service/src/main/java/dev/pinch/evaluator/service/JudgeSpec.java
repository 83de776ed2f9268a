package dev.pinch.evaluator.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.net.URI;
import java.util.Locale;

/**
 * The judge an experiment asked for, from {@code evalConfig.judge}: either the string {@code reference} (the
 * default) or an object {@code {type: reference, tieMargin}} or {@code {type: llm, baseUrl, model, apiKeyEnv |
 * apiKeyFile, maxConcurrency, timeoutSeconds, maxAttempts, maxTokens, template}}.
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

    /** Reads {@code evalConfig.judge}; {@code defaultTieMargin} applies when the config has none. */
    static JudgeSpec read(EvalConfigReader eval, double defaultTieMargin) {
        return read(eval, "judge", defaultTieMargin);
    }

    /**
     * Reads {@code evalConfig.secondJudge}: a second judge run on the same pairs, for the agreement between the two
     * (Cohen's kappa in the report); null when not configured.
     */
    static JudgeSpec readSecond(EvalConfigReader eval, double defaultTieMargin) {
        return eval.raw("secondJudge") == null ? null : read(eval, "secondJudge", defaultTieMargin);
    }

    private static JudgeSpec read(EvalConfigReader eval, String key, double defaultTieMargin) {
        Object raw = eval.raw(key);
        if (raw == null || REFERENCE.equals(raw)) {
            return reference(defaultTieMargin);
        }
        if (raw instanceof String s) {
            throw new InvalidEvalConfigException(key, "must be 'reference' or an object {type: reference|llm, ...},"
                    + " was '" + s + "' (an llm judge needs at least baseUrl and model)");
        }
        EvalConfigReader j = eval.object(key).orElseThrow();
        String type = j.string("type").orElse(REFERENCE).toLowerCase(Locale.ROOT);
        double margin = j.decimal("tieMargin", defaultTieMargin, 0, 100);
        if (REFERENCE.equals(type)) {
            return reference(margin);
        }
        if (!LLM.equals(type)) {
            throw new InvalidEvalConfigException(key + ".type", "must be reference or llm, was " + type);
        }
        String baseUrl = j.string("baseUrl").orElseThrow(
                () -> new InvalidEvalConfigException(key + ".baseUrl", "is required for an llm judge"));
        try {
            URI uri = URI.create(baseUrl);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidEvalConfigException(key + ".baseUrl", "must be an http(s) URL, was " + baseUrl);
        }
        String model = j.string("model").orElseThrow(
                () -> new InvalidEvalConfigException(key + ".model", "is required for an llm judge"));
        String env = j.string("apiKeyEnv").orElse(null);
        String file = j.string("apiKeyFile").orElse(null);
        if (env != null && file != null) {
            throw new InvalidEvalConfigException(key + ".apiKeyFile", "cannot be given together with apiKeyEnv");
        }
        if (j.has("apiKey")) {
            throw new InvalidEvalConfigException(key + ".apiKey", "is not accepted in an eval config: put the key in a"
                    + " secret and name it with apiKeyEnv or apiKeyFile");
        }
        String template = j.string("template").orElse(null);
        if (template != null && !(template.contains("{{response_a}}") && template.contains("{{response_b}}"))) {
            throw new InvalidEvalConfigException(key + ".template", "needs {{response_a}} and {{response_b}}");
        }
        return new JudgeSpec(LLM, margin, baseUrl, model, env, file, j.integer("maxConcurrency", 4, 1),
                j.integer("timeoutSeconds", 60, 1), j.integer("maxAttempts", 4, 1), j.integer("maxTokens", 32, 1),
                template);
    }
}
