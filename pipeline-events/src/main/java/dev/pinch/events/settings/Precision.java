package dev.pinch.events.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The numeric precision of a model's weights and activations: the one precision vocabulary of
 * {@code training.precision} and {@code eval.precision}, written in lower case ({@link #toString()}). Each setting
 * accepts the ones its service can run ({@link TrainingSettings#PRECISIONS}, {@link EvalSettings#PRECISIONS}).
 */
public enum Precision {

    /** The service decides: the trainer bf16 on a GPU that can hold it, else fp32; the evaluator fp32. */
    AUTO,
    /** 32-bit floats. */
    FP32,
    /** bfloat16, for training on a GPU (fp32 master weights). */
    BF16,
    /** IEEE half precision, for generation on a GPU. */
    FP16;

    /** The precision a text names (any letter case), or empty. */
    public static Optional<Precision> parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(s)).findFirst();
    }

    /**
     * {@link #parse}, for JSON.
     *
     * @throws IllegalArgumentException when the text names no precision
     */
    @JsonCreator
    public static Precision of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                "a precision must be one of " + spell(Set.of(values())) + ", was " + text));
    }

    /** The spellings of some precisions, in declaration order: {@code auto, fp32 or bf16}. */
    public static String spell(Set<Precision> some) {
        String all = Arrays.stream(values()).filter(some::contains).map(Precision::toString)
                .collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
