package dev.pinch.events;

import java.util.regex.Pattern;

/**
 * The one rule for the names that become store keys and ids: experiment ids and corpus names are 1 to 63 lower-case
 * letters, digits or '-', starting with a letter or digit. Checked where a name enters (a spec, a REST path), so a
 * bad one is a 400 naming the field, never a failure deeper down.
 */
public final class Names {

    /** The pattern of an experiment id or a corpus name. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** The rule in words, for error messages. */
    public static final String RULE = "1 to 63 lower-case letters, digits or '-', starting with a letter or digit";

    private Names() {
    }

    /** Whether {@code s} is a valid experiment id or corpus name. */
    public static boolean valid(String s) {
        return s != null && NAME.matcher(s).matches();
    }
}
