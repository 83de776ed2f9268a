package dev.pinch.evaluator.api;

/** A request parameter that cannot be used; mapped to a 400 naming the field. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
