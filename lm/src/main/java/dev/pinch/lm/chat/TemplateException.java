package dev.pinch.lm.chat;

/**
 * A chat template cannot be rendered: a syntax error, a construct this engine does not implement (named), or
 * the template's own {@code raise_exception(...)} (for example roles that do not alternate).
 */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the construct or the template's message
     */
    public TemplateException(String message) {
        super(message);
    }
}
