package dev.pinch.events.settings;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks of one setting's value, apart from where it sits: each returns the typed value or why it cannot be
 * used. {@link SettingsReader} finds the value, names its path and records the reason.
 */
final class SettingValues {

    private SettingValues() {
    }

    /**
     * A checked value.
     *
     * @param value   the typed value, when {@code problem} is null
     * @param problem why the value cannot be used, or null
     */
    record Checked<T>(T value, String problem) {

        static <T> Checked<T> ok(T value) {
            return new Checked<>(value, null);
        }

        static <T> Checked<T> bad(String problem) {
            return new Checked<>(null, problem);
        }

        <R> Checked<R> map(Function<T, R> f) {
            return problem == null ? ok(f.apply(value)) : bad(problem);
        }
    }

    /** A whole number in [min, max]. */
    static Checked<Long> whole(Object v, long min, long max) {
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || Math.abs(n.doubleValue()) > Long.MAX_VALUE) {
            return Checked.bad("must be an integer, was " + v);
        }
        if (n.longValue() < min || n.longValue() > max) {
            return Checked.bad("must be >= " + min + (max < Long.MAX_VALUE && max != Integer.MAX_VALUE
                    ? " and <= " + max : "") + ", was " + v);
        }
        return Checked.ok(n.longValue());
    }

    /** A number in [min, max]; exclusive of min when {@code minExclusive}. */
    static Checked<Double> decimal(Object v, double min, boolean minExclusive, double max) {
        boolean aboveMin = v instanceof Number n && (minExclusive ? n.doubleValue() > min : n.doubleValue() >= min);
        if (!aboveMin || !(((Number) v).doubleValue() <= max)) {
            return Checked.bad("must be a number " + (minExclusive ? "> " : ">= ") + min
                    + (max < Double.MAX_VALUE ? " and <= " + max : "") + ", was " + v);
        }
        return Checked.ok(((Number) v).doubleValue());
    }

    static Checked<Boolean> bool(Object v) {
        return v instanceof Boolean b ? Checked.ok(b) : Checked.bad("must be true or false, was " + v);
    }

    /** A non-blank string, as written. */
    static Checked<String> string(Object v) {
        return v instanceof String s && !s.isBlank() ? Checked.ok(s)
                : Checked.bad("must be a non-empty string, was " + v);
    }

    /** A stripped string matching the regular expression {@code pattern}; {@code allowed} says what. */
    static Checked<String> matching(Object v, String pattern, String allowed) {
        Checked<String> s = string(v).map(String::strip);
        return s.problem() != null || s.value().matches(pattern) ? s
                : Checked.bad("must be " + allowed + ", was " + s.value());
    }

    /** A language code such as {@code en}, {@code fil} or {@code zh-Hant}, stripped. */
    static Checked<String> language(Object v) {
        return v instanceof String s && s.strip().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]+)*") ? Checked.ok(s.strip())
                : Checked.bad("must be a language code, was " + v);
    }

    /** A {@link ComputeDevice} in one of its spellings. */
    static Checked<ComputeDevice> device(Object v) {
        Optional<ComputeDevice> device = v instanceof String s ? ComputeDevice.parse(s) : Optional.empty();
        return device.map(Checked::ok)
                .orElseGet(() -> Checked.bad("must be " + ComputeDevice.SPELLINGS + ", was " + v));
    }

    /** A {@link Precision} among those {@code allowed} here. */
    static Checked<Precision> precision(Object v, Set<Precision> allowed) {
        Optional<Precision> precision = v instanceof String s ? Precision.parse(s) : Optional.empty();
        return precision.filter(allowed::contains).map(Checked::ok)
                .orElseGet(() -> Checked.bad("must be " + Precision.spell(allowed) + ", was " + v));
    }
}
