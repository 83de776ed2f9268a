package dev.pinch.trainer.engine;

/** A training config value that cannot be used; names the field and the reason. */
public class InvalidTrainingConfigException extends IllegalArgumentException {

    private final String field;

    public InvalidTrainingConfigException(String field, String reason) {
        super("training." + field + " " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
