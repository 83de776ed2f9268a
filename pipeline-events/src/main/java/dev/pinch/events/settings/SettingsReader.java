package dev.pinch.events.settings;

import dev.pinch.events.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, checked reads from one JSON object of an experiment's settings. A bad value is recorded as a
 * {@link Violation} naming its whole path ({@code training.learningRate}, {@code eval.judge.baseUrl}) and the read
 * returns the default, so that one pass finds every violation. Remembers which keys were read, so that
 * {@link #rejectUnknown()} can refuse the others.
 */
public final class SettingsReader {

    private final Map<?, ?> values;
    private final String path;
    private final List<Violation> violations;
    private final Set<String> read = new TreeSet<>();

    private SettingsReader(Map<?, ?> values, String path, List<Violation> violations) {
        this.values = values;
        this.path = path;
        this.violations = violations;
    }

    /** A reader of {@code value} (null: an empty object) at {@code path}, recording violations in {@code sink}. */
    public static SettingsReader of(Object value, String path, List<Violation> sink) {
        if (value == null || value instanceof Map<?, ?>) {
            return new SettingsReader(value == null ? Map.of() : (Map<?, ?>) value, path, sink);
        }
        sink.add(new Violation(path, "must be an object"));
        return new SettingsReader(Map.of(), path, sink);
    }

    /** The full path of a key of this object. */
    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Records a violation of {@code key}. */
    public void reject(String key, String reason) {
        violations.add(new Violation(field(key), reason));
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    public Object raw(String key) {
        return get(key);
    }

    public int integer(String key, int fallback, int min, int max) {
        Long v = whole(key, min, max);
        return v == null ? fallback : v.intValue();
    }

    public long longValue(String key, long fallback, long min) {
        Long v = whole(key, min, Long.MAX_VALUE);
        return v == null ? fallback : v;
    }

    /** A number in [min, max]; exclusive of min when {@code minExclusive}. */
    public double decimal(String key, double fallback, double min, boolean minExclusive, double max) {
        Object v = get(key);
        if (v == null) {
            return fallback;
        }
        boolean aboveMin = v instanceof Number n && (minExclusive ? n.doubleValue() > min : n.doubleValue() >= min);
        if (!aboveMin || !(((Number) v).doubleValue() <= max)) {
            reject(key, "must be a number " + (minExclusive ? "> " : ">= ") + min
                    + (max < Double.MAX_VALUE ? " and <= " + max : "") + ", was " + v);
            return fallback;
        }
        return ((Number) v).doubleValue();
    }

    public boolean bool(String key, boolean fallback) {
        Object v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            reject(key, "must be true or false, was " + v);
            return fallback;
        }
        return b;
    }

    /** A non-blank string, as written (a prompt template keeps its whitespace); {@code fallback} when absent or bad. */
    public String string(String key, String fallback) {
        Object v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            reject(key, "must be a non-empty string, was " + v);
            return fallback;
        }
        return s;
    }

    /** {@link #string}, without leading and trailing whitespace: for names, URLs and paths. */
    public String stripped(String key, String fallback) {
        String s = string(key, fallback);
        return s == null ? null : s.strip();
    }

    /** A string matching the regular expression {@code pattern}; {@code allowed} says what in the violation. */
    public String matching(String key, String fallback, String pattern, String allowed) {
        String s = stripped(key, fallback);
        if (s != null && !s.matches(pattern)) {
            reject(key, "must be " + allowed + ", was " + s);
            return fallback;
        }
        return s;
    }

    /** A non-empty list of language codes, without repeats; null when absent or bad. */
    public List<String> languages(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            reject(key, "must be a non-empty list of language codes");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || !s.strip().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]+)*")) {
                violations.add(new Violation(field(key) + "[" + i + "]", "must be a language code, was " + list.get(i)));
            } else if (!out.contains(s.strip())) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** The reader of a nested object; empty when absent, or when not an object (then a violation). */
    public Optional<SettingsReader> object(String key) {
        Object v = get(key);
        return v == null ? Optional.empty() : Optional.of(of(v, field(key), violations));
    }

    /** Records every key of this object that no read asked for. */
    public void rejectUnknown() {
        for (Object key : values.keySet()) {
            if (!read.contains(String.valueOf(key))) {
                reject(String.valueOf(key), "is not a setting here; known: " + read);
            }
        }
    }

    private Long whole(String key, long min, long max) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || Math.abs(n.doubleValue()) > Long.MAX_VALUE) {
            reject(key, "must be an integer, was " + v);
            return null;
        }
        if (n.longValue() < min || n.longValue() > max) {
            reject(key, "must be >= " + min + (max < Long.MAX_VALUE && max != Integer.MAX_VALUE ? " and <= " + max : "")
                    + ", was " + v);
            return null;
        }
        return n.longValue();
    }

    private Object get(String key) {
        read.add(key);
        return values.get(key);
    }
}
