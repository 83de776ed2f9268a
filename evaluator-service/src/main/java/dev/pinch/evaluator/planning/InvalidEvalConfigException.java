package dev.pinch.evaluator.planning;

import dev.pinch.events.Violation;
import dev.pinch.events.settings.InvalidSettingsException;
import java.util.List;

/** An eval setting (or the eval set it names) that the evaluator cannot use; names the field and the reason. */
public class InvalidEvalConfigException extends InvalidSettingsException {

    private final String field;

    /**
     * @param field  the field under {@code eval}, e.g. {@code maxNewTokens} or {@code judge.baseUrl}
     * @param reason why it cannot be used
     */
    public InvalidEvalConfigException(String field, String reason) {
        super(List.of(new Violation("eval." + field, reason)));
        this.field = field;
    }

    /** The field under {@code eval}. */
    public String field() {
        return field;
    }
}
