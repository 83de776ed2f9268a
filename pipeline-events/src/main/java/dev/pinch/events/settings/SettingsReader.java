package dev.pinch.events.settings;

import dev.pinch.events.Violation;
import dev.pinch.events.settings.SettingValues.Checked;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed, checked reads from one JSON object of an experiment's settings. A bad value is recorded as a
 * {@link Violation} naming its whole path ({@code training.learningRate}, {@code eval.judge.baseUrl}) and the read
 * returns the default, so that one pass finds every violation. Remembers which keys were read, so that
 * {@link #rejectUnknown()} can refuse the others. What a value must be is checked in {@link SettingValues}.
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
        return read(key, fallback, v -> SettingValues.whole(v, min, max).map(Long::intValue));
    }

    public long longValue(String key, long fallback, long min) {
        return read(key, fallback, v -> SettingValues.whole(v, min, Long.MAX_VALUE));
    }

    /** A number in [min, max]; exclusive of min when {@code minExclusive}. */
    public double decimal(String key, double fallback, double min, boolean minExclusive, double max) {
        return read(key, fallback, v -> SettingValues.decimal(v, min, minExclusive, max));
    }

    public boolean bool(String key, boolean fallback) {
        return read(key, fallback, SettingValues::bool);
    }

    /** A non-blank string, as written (a prompt template keeps its whitespace); {@code fallback} when absent or bad. */
    public String string(String key, String fallback) {
        return read(key, fallback, SettingValues::string);
    }

    /** {@link #string}, without leading and trailing whitespace: for names, URLs and paths. */
    public String stripped(String key, String fallback) {
        return read(key, fallback, v -> SettingValues.string(v).map(String::strip));
    }

    /** A string matching the regular expression {@code pattern}; {@code allowed} says what in the violation. */
    public String matching(String key, String fallback, String pattern, String allowed) {
        return read(key, fallback, v -> SettingValues.matching(v, pattern, allowed));
    }

    /** A device in any of its spellings ({@link ComputeDevice}); {@code fallback} when absent or bad. */
    public ComputeDevice device(String key, ComputeDevice fallback) {
        return read(key, fallback, SettingValues::device);
    }

    /** A precision among those {@code allowed} here; {@code fallback} when absent or bad. */
    public Precision precision(String key, Precision fallback, Set<Precision> allowed) {
        return read(key, fallback, v -> SettingValues.precision(v, allowed));
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

    /** The value at {@code key} as {@code check} reads it; {@code fallback} when absent, or bad (then a violation). */
    private <T> T read(String key, T fallback, Function<Object, Checked<T>> check) {
        Object v = get(key);
        if (v == null) {
            return fallback;
        }
        Checked<T> checked = check.apply(v);
        if (checked.problem() != null) {
            reject(key, checked.problem());
            return fallback;
        }
        return checked.value();
    }

    private Object get(String key) {
        read.add(key);
        return values.get(key);
    }
}
