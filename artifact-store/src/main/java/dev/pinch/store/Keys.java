package dev.pinch.store;

import java.util.regex.Pattern;

/** Validation of artifact keys: relative, slash-separated, no empty, dot or dot-dot segments. */
public final class Keys {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._=+-]{0,199}");

    private Keys() {
    }

    public static String check(String key) {
        if (key == null || key.isEmpty()) {
            throw new ArtifactAccessException("artifact key is empty");
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                throw new ArtifactAccessException("artifact key '" + key + "' has an invalid segment '" + segment
                        + "': use letters, digits and ._=+- , no leading dot, no '..'");
            }
        }
        return key;
    }
}
