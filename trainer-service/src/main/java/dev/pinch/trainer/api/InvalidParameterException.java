package dev.pinch.trainer.api;

/** A query or path parameter with a value the API does not accept; names the parameter. */
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
