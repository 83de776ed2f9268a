package dev.pinch.dataset.domain;

import java.util.Arrays;
import java.util.Optional;

/** How a mix draws example ids across its languages. */
public enum Replacement {
    /** Every example id at most once per mix: a replaced base-language example's slot goes to another id's translation. */
    DISTINCT_IDS("distinct-ids"),
    /** All languages draw from the same ids, so a multilingual example is the translation of a base-language one in the mix. */
    SAME_IDS("same-ids");

    private final String wire;

    Replacement(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Replacement> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(value)).findFirst();
    }
}
