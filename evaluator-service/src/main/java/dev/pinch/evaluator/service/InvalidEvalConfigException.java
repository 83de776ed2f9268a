package dev.pinch.evaluator.service;

/** An eval config (or the eval set it names) that cannot be used; the message names the field and the reason. */
public class InvalidEvalConfigException extends RuntimeException {

    private final String field;

    /**
     * @param field  the field under {@code evalConfig}, e.g. {@code maxNewTokens} or {@code judge.baseUrl}
     * @param reason why it cannot be used
     */
    public InvalidEvalConfigException(String field, String reason) {
        super("evalConfig." + field + " " + reason);
        this.field = field;
    }

    /** The field under {@code evalConfig}. */
    public String field() {
        return field;
    }
}
