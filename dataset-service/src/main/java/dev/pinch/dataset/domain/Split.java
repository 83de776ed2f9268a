package dev.pinch.dataset.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Corpus split. Mixes are drawn from {@code train}; {@code dev} and {@code test} are held out. */
public enum Split {
    TRAIN, DEV, TEST;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code train}, {@code dev} (or {@code validation}) and {@code test}; null for anything else. */
    @JsonCreator
    public static Split parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "train" -> TRAIN;
            case "dev", "validation", "valid" -> DEV;
            case "test" -> TEST;
            default -> null;
        };
    }
}
