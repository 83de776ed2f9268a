package dev.pinch.lm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of a JSON object ({@code config.json} or one of its nested objects) that remember which keys
 * were read. What is left afterwards must be on an allow-list of keys known not to change the forward pass,
 * or the config is refused by name and value ({@link #unread()}): the reader fails closed.
 */
final class ConfigFields {

    private final String where;
    private final JsonObject o;
    private final Set<String> read = new HashSet<>();

    ConfigFields(String where, JsonObject o) {
        this.where = where;
        this.o = o;
    }

    /** @return whether the key is there with a non-null value (the key counts as read) */
    boolean present(String key) {
        read.add(key);
        return o.has(key) && !o.get(key).isJsonNull();
    }

    /** @return the raw value (marks the key as read), or null when absent or null */
    JsonElement raw(String key) {
        return present(key) ? o.get(key) : null;
    }

    int required(String key) {
        if (!present(key)) {
            throw new IllegalArgumentException(where + ": missing required key '" + key + "'");
        }
        return integer(key, 0);
    }

    int integer(String key, int dflt) {
        JsonElement e = raw(key);
        if (e == null) {
            return dflt;
        }
        double d = number(e, key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw refuse(key, "must be an integer");
        }
        return (int) d;
    }

    Integer optInt(String key) {
        return present(key) ? integer(key, 0) : null;
    }

    double number(String key, double dflt) {
        JsonElement e = raw(key);
        return e == null ? dflt : number(e, key);
    }

    boolean bool(String key, boolean dflt) {
        JsonElement e = raw(key);
        if (e == null) {
            return dflt;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw refuse(key, "must be true or false");
        }
        return e.getAsBoolean();
    }

    String string(String key, String dflt) {
        JsonElement e = raw(key);
        if (e == null) {
            return dflt;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw refuse(key, "must be a string");
        }
        return e.getAsString();
    }

    ConfigFields object(String key) {
        JsonElement e = raw(key);
        if (e == null) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw refuse(key, "must be an object");
        }
        return new ConfigFields(where + " " + key, e.getAsJsonObject());
    }

    /** Keys present with a non-null value that nothing read, with their values. */
    Map<String, JsonElement> unread() {
        Map<String, JsonElement> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (!read.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Marks keys as read without using them (their value cannot change the forward pass). */
    void ignore(String... keys) {
        read.addAll(Set.of(keys));
    }

    /** @return the value of a key as JSON text, for messages */
    String show(String key) {
        return o.has(key) ? o.get(key).toString() : "absent";
    }

    /**
     * An exception naming the key, its value and why it is refused.
     *
     * @param key the key
     * @param why the reason
     * @return the exception to throw
     */
    IllegalArgumentException refuse(String key, String why) {
        return new IllegalArgumentException(where + ": " + key + "=" + show(key) + " " + why);
    }

    private double number(JsonElement e, String key) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw refuse(key, "must be a number");
        }
        return e.getAsDouble();
    }
}
