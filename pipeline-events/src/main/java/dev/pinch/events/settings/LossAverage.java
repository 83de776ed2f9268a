package dev.pinch.events.settings;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a training step averages the loss over a micro-batch's response tokens ({@code training.lossAverage}),
 * written in lower case ({@link #toString()}).
 *
 * <p>With {@link #TOKEN} a response of 50 tokens weighs 50 times as much as a 1-token label, so a mix of long
 * generations and short classification answers learns mostly the generations. {@link #EXAMPLE} gives every
 * example the same weight, whatever its response's length.
 */
public enum LossAverage {

    /** The mean over the micro-batch's target tokens: every response token weighs the same (the default). */
    TOKEN,
    /** The mean over the micro-batch's examples of each example's mean token loss: every example weighs the same. */
    EXAMPLE;

    /** The spellings a config accepts. */
    static final String PATTERN = "token|example";

    static LossAverage of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
