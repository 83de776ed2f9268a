package dev.pinch.trainer.engine;

import dev.pinch.events.Violation;
import dev.pinch.events.settings.InvalidSettingsException;
import java.util.List;

/** A training setting that the engine cannot use with this model or data; names the field and the reason. */
public class InvalidTrainingConfigException extends InvalidSettingsException {

    private final String field;

    public InvalidTrainingConfigException(String field, String reason) {
        super(List.of(new Violation("training." + field, reason)));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
