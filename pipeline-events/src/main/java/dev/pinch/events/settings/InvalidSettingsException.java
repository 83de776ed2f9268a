package dev.pinch.events.settings;

import dev.pinch.events.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** Settings that cannot be used; lists every violation, each naming its field path and the reason. */
public class InvalidSettingsException extends IllegalArgumentException {

    private final transient List<Violation> violations;

    public InvalidSettingsException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    /** Throws when {@code violations} is not empty. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidSettingsException(violations);
        }
    }

    public List<Violation> violations() {
        return violations;
    }
}
