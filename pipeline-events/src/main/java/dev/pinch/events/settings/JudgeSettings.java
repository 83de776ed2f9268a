package dev.pinch.events.settings;

import java.net.URI;
import java.util.Locale;

/**
 * The judge an experiment asks for, from {@code eval.judge} (or {@code eval.secondJudge}): the string
 * {@code reference} (the default) or an object {@code {type: reference, tieMargin}} or {@code {type: llm, baseUrl,
 * model, apiKeyEnv | apiKeyFile, maxConcurrency, timeoutSeconds, maxAttempts, maxTokens, template}}.
 *
 * @param type           {@code reference} (default) or {@code llm}
 * @param tieMargin      task-score differences up to this tie (reference judge); null: the evaluator's
 *                       {@code pinch.evaluator.tie-margin}
 * @param baseUrl        llm: OpenAI-compatible http(s) base URL up to the version, e.g. {@code http://host:8000/v1}
 * @param model          llm: model name
 * @param apiKeyEnv      llm: environment variable holding the API key, or null
 * @param apiKeyFile     llm: file holding the API key (a mounted secret), or null
 * @param maxConcurrency llm: requests in flight (default 4)
 * @param timeoutSeconds llm: time allowed per request (default 60)
 * @param maxAttempts    llm: attempts per verdict (default 4)
 * @param maxTokens      llm: {@code max_tokens} per request (default 32)
 * @param template       llm: pairwise prompt template with {@code {{response_a}}} and {@code {{response_b}}}, or
 *                       null for the default
 */
public record JudgeSettings(String type, Double tieMargin, String baseUrl, String model, String apiKeyEnv,
        String apiKeyFile, int maxConcurrency, int timeoutSeconds, int maxAttempts, int maxTokens, String template) {

    public static final String REFERENCE = "reference";
    public static final String LLM = "llm";

    /** The reference judge; {@code tieMargin} null for the evaluator's default. */
    public static JudgeSettings reference(Double tieMargin) {
        return new JudgeSettings(REFERENCE, tieMargin, null, null, null, null, 0, 0, 0, 0, null);
    }

    public boolean isReference() {
        return REFERENCE.equals(type);
    }

    /** Reads the judge at {@code key} of {@code eval}; null when absent. Records every violation. */
    static JudgeSettings read(SettingsReader eval, String key) {
        Object raw = eval.raw(key);
        if (raw == null) {
            return null;
        }
        if (REFERENCE.equals(raw)) {
            return reference(null);
        }
        if (raw instanceof String s) {
            eval.reject(key, "must be 'reference' or an object {type: reference|llm, ...}, was '" + s
                    + "' (an llm judge needs at least baseUrl and model)");
            return reference(null);
        }
        SettingsReader j = eval.object(key).orElseThrow();
        String type = j.stripped("type", REFERENCE).toLowerCase(Locale.ROOT);
        Double margin = j.has("tieMargin") ? j.decimal("tieMargin", 0, 0, false, 100) : null;
        if (!REFERENCE.equals(type) && !LLM.equals(type)) {
            j.reject("type", "must be reference or llm, was " + type);
        }
        if (!LLM.equals(type)) {
            j.rejectUnknown();
            return reference(margin);
        }
        String baseUrl = j.stripped("baseUrl", null);
        if (baseUrl == null) {
            j.reject("baseUrl", "is required for an llm judge");
        } else if (!httpUrl(baseUrl)) {
            j.reject("baseUrl", "must be an http(s) URL with a host, was " + baseUrl);
        }
        String model = j.stripped("model", null);
        if (model == null) {
            j.reject("model", "is required for an llm judge");
        }
        String env = j.stripped("apiKeyEnv", null);
        String file = j.stripped("apiKeyFile", null);
        if (env != null && file != null) {
            j.reject("apiKeyFile", "cannot be given together with apiKeyEnv");
        }
        if (j.has("apiKey")) {
            j.reject("apiKey", "is not accepted in an eval config: put the key in a secret and name it with "
                    + "apiKeyEnv or apiKeyFile");
        }
        String template = j.stripped("template", null);
        if (template != null && !(template.contains("{{response_a}}") && template.contains("{{response_b}}"))) {
            j.reject("template", "needs {{response_a}} and {{response_b}}");
        }
        int max = Integer.MAX_VALUE;
        JudgeSettings judge = new JudgeSettings(LLM, margin, baseUrl, model, env, file,
                j.integer("maxConcurrency", 4, 1, max), j.integer("timeoutSeconds", 60, 1, max),
                j.integer("maxAttempts", 4, 1, max), j.integer("maxTokens", 32, 1, max), template);
        j.rejectUnknown();
        return judge;
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
