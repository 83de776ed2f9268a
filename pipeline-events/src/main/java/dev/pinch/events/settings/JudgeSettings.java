package dev.pinch.events.settings;

import java.util.List;
import java.util.Locale;

/**
 * The judge an experiment asks for, from {@code eval.judge} (or {@code eval.secondJudge}): the string
 * {@code reference} (the default), an object {@code {type: reference, tieMargin}}, or {@code {type: llm, name,
 * template}} naming one of the LLM judges the operator configured on the evaluator
 * ({@code pinch.evaluator.judges.<name>.*}: endpoint, model, API key, request limits). An experiment never names a
 * URL, a model endpoint, a file or an environment variable: {@code baseUrl}, {@code model}, {@code apiKey},
 * {@code apiKeyEnv}, {@code apiKeyFile} and the request limits are refused here, naming the field.
 *
 * @param type      {@code reference} (default) or {@code llm}
 * @param tieMargin task-score differences up to this tie (reference judge); null: the evaluator's
 *                  {@code pinch.evaluator.tie-margin}
 * @param name      llm: the operator's judge, lower-case letters and digits (at most 32); null for reference
 * @param template  llm: pairwise prompt template with {@code {{response_a}}} and {@code {{response_b}}} (at most
 *                  {@value #MAX_TEMPLATE_CHARS} characters), or null for the default
 */
public record JudgeSettings(String type, Double tieMargin, String name, String template) {

    public static final String REFERENCE = "reference";
    public static final String LLM = "llm";
    /** What a judge name may be: it is also part of environment variable names and store keys. */
    public static final String NAME_PATTERN = "[a-z][a-z0-9]{0,31}";
    public static final int MAX_TEMPLATE_CHARS = 8000;

    /** Keys that configure an endpoint or a secret: the operator's, never an experiment's. */
    static final List<String> OPERATOR_KEYS = List.of("baseUrl", "model", "apiKey", "apiKeyEnv", "apiKeyFile",
            "maxConcurrency", "timeoutSeconds", "maxAttempts", "maxTokens");

    /** The reference judge; {@code tieMargin} null for the evaluator's default. */
    public static JudgeSettings reference(Double tieMargin) {
        return new JudgeSettings(REFERENCE, tieMargin, null, null);
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
        if (raw instanceof String) {
            eval.reject(key, "must be 'reference' or an object {type: reference|llm, ...} (an llm judge is named: "
                    + "{type: llm, name: <a judge the operator configured>})");
            return reference(null);
        }
        SettingsReader j = eval.object(key).orElseThrow();
        String type = j.stripped("type", REFERENCE).toLowerCase(Locale.ROOT);
        Double margin = j.has("tieMargin") ? j.decimal("tieMargin", 0, 0, false, 100) : null;
        for (String operatorKey : OPERATOR_KEYS) {
            if (j.has(operatorKey)) {
                j.reject(operatorKey, "is not accepted in an experiment: judge endpoints, models, credentials and "
                        + "request limits are the operator's (pinch.evaluator.judges.<name>.*); refer to a "
                        + "configured judge with " + j.field("name"));
            }
        }
        if (!REFERENCE.equals(type) && !LLM.equals(type)) {
            j.reject("type", "must be reference or llm, was " + type);
        }
        if (!LLM.equals(type)) {
            j.rejectUnknown();
            return reference(margin);
        }
        String name = j.matching("name", null, NAME_PATTERN, "the name of a judge the operator configured "
                + "(lower-case letters and digits, at most 32)");
        if (name == null && !j.has("name")) {
            j.reject("name", "is required for an llm judge: the name of a judge the operator configured");
        }
        String template = j.string("template", null);
        if (template != null && template.length() > MAX_TEMPLATE_CHARS) {
            j.reject("template", "is longer than " + MAX_TEMPLATE_CHARS + " characters");
            template = null;
        } else if (template != null && !(template.contains("{{response_a}}") && template.contains("{{response_b}}"))) {
            j.reject("template", "needs {{response_a}} and {{response_b}}");
        }
        j.rejectUnknown();
        return new JudgeSettings(LLM, margin, name, template);
    }
}
