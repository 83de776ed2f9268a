package dev.pinch.evaluator.judge;

/** A judge could not reach a verdict (the endpoint failed, refused the request, or never answered clearly). */
public class JudgeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public JudgeException(String message) {
        super(message);
    }

    /** An exception with a message and cause. */
    public JudgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
