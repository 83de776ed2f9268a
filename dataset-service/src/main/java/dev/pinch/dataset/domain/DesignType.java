package dev.pinch.dataset.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The design types of {@link DesignSpec}, by their wire names. See {@link DesignSpec} for what each means. */
public enum DesignType {
    MONOLINGUAL("monolingual"),
    PINCH("pinch"),
    MULTILINGUAL("multilingual"),
    SEEN_UNSEEN("seen-unseen"),
    LANGUAGE_COUNT("language-count"),
    BILINGUAL_PAIRS("bilingual-pairs"),
    CUSTOM("custom");

    private final String wire;

    DesignType(String wire) {
        this.wire = wire;
    }

    /** The name used in specs, default design names and {@code DesignRef.type}. */
    public String wire() {
        return wire;
    }

    /** Whether the design is a pinch sweep (a base language whose examples the others replace). */
    public boolean isSweep() {
        return this == PINCH || this == SEEN_UNSEEN;
    }

    /** The type with wire name {@code value} (exact, case-sensitive); empty for anything else. */
    public static Optional<DesignType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }

    /** All wire names, in declaration order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(DesignType::wire).toList();
    }
}
