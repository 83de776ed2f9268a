package dev.pinch.trainer.engine;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed, checked reads from a config map; remembers which keys were read so unknown ones can be rejected. */
final class SettingsReader {

    private final Map<String, Object> config;
    private final Set<String> read = new HashSet<>();

    SettingsReader(Map<String, Object> config) {
        this.config = config;
    }

    int integer(String key, int fallback, int min) {
        Object v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidTrainingConfigException(key, "must be an integer, was " + v);
        }
        if (n.longValue() < min || n.longValue() > Integer.MAX_VALUE) {
            throw new InvalidTrainingConfigException(key, "must be >= " + min + ", was " + v);
        }
        return n.intValue();
    }

    double positive(String key, double fallback) {
        double d = number(key, fallback);
        if (!(d > 0)) {
            throw new InvalidTrainingConfigException(key, "must be > 0, was " + d);
        }
        return d;
    }

    double nonNegative(String key, double fallback) {
        double d = number(key, fallback);
        if (!(d >= 0)) {
            throw new InvalidTrainingConfigException(key, "must be >= 0, was " + d);
        }
        return d;
    }

    double fraction(String key, double fallback) {
        double d = number(key, fallback);
        if (!(d >= 0 && d <= 1)) {
            throw new InvalidTrainingConfigException(key, "must be in [0, 1], was " + d);
        }
        return d;
    }

    String choice(String key, String fallback, Set<String> allowed) {
        String s = string(key, fallback);
        if (!allowed.contains(s)) {
            throw new InvalidTrainingConfigException(key, "must be one of " + new TreeSet<>(allowed) + ", was " + s);
        }
        return s;
    }

    String string(String key, String fallback) {
        Object v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw new InvalidTrainingConfigException(key, "must be a string, was " + v);
        }
        return s;
    }

    boolean bool(String key, boolean fallback) {
        Object v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new InvalidTrainingConfigException(key, "must be true or false, was " + v);
        }
        return b;
    }

    /** A nested object, or null when absent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(String key) {
        Object v = get(key);
        if (v != null && !(v instanceof Map)) {
            throw new InvalidTrainingConfigException(key, "must be an object, was " + v);
        }
        return (Map<String, Object>) v;
    }

    void rejectUnknown() {
        Set<String> unknown = new TreeSet<>(config.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new InvalidTrainingConfigException(unknown.iterator().next(),
                    "is not a training setting; known: " + new TreeSet<>(read));
        }
    }

    private double number(String key, double fallback) {
        Object v = get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new InvalidTrainingConfigException(key, "must be a number, was " + v);
        }
        return n.doubleValue();
    }

    private Object get(String key) {
        read.add(key);
        return config.get(key);
    }
}
