package dev.pinch.evaluator.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, validated reads of an experiment's free-form eval config (a JSON object passed through untouched by the
 * other services). Every error is an {@link InvalidEvalConfigException} naming the field.
 */
final class EvalConfigReader {

    private final Map<String, Object> values;
    private final String path;

    EvalConfigReader(Map<String, Object> values, String path) {
        this.values = values == null ? Map.of() : values;
        this.path = path;
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Optional<String> string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw new InvalidEvalConfigException(field(key), "must be a non-empty string");
        }
        return Optional.of(s.strip());
    }

    int integer(String key, int fallback, int min) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidEvalConfigException(field(key), "must be an integer, was " + v);
        }
        if (n.longValue() < min || n.longValue() > Integer.MAX_VALUE) {
            throw new InvalidEvalConfigException(field(key), "must be >= " + min + ", was " + v);
        }
        return n.intValue();
    }

    long longValue(String key, long fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidEvalConfigException(field(key), "must be an integer, was " + v);
        }
        return n.longValue();
    }

    double decimal(String key, double fallback, double min, double max) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
            throw new InvalidEvalConfigException(field(key), "must be a number in [" + min + ", " + max + "], was " + v);
        }
        return n.doubleValue();
    }

    boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new InvalidEvalConfigException(field(key), "must be true or false, was " + v);
        }
        return b;
    }

    Optional<List<String>> languages(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidEvalConfigException(field(key), "must be a non-empty list of language codes");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || !s.strip().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]+)*")) {
                throw new InvalidEvalConfigException(field(key) + "[" + i + "]", "must be a language code, was "
                        + list.get(i));
            }
            if (!out.contains(s.strip())) {
                out.add(s.strip());
            }
        }
        return Optional.of(out);
    }

    @SuppressWarnings("unchecked")
    Optional<EvalConfigReader> object(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new InvalidEvalConfigException(field(key), "must be an object");
        }
        return Optional.of(new EvalConfigReader((Map<String, Object>) m, field(key)));
    }

    Object raw(String key) {
        return values.get(key);
    }
}
