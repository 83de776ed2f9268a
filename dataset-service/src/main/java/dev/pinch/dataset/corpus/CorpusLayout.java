package dev.pinch.dataset.corpus;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a corpus lives in the artifact store, {@code corpora/<name>/<version>/}, and which names and versions are
 * allowed.
 */
final class CorpusLayout {

    static final Pattern NAME = dev.pinch.events.Names.NAME;
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    /** The store prefix of all corpora. */
    static final String ROOT = "corpora";
    private static final String EXAMPLES = "examples.jsonl";
    private static final String TEXT = "text.jsonl";
    private static final String MANIFEST = "manifest.json";
    private static final Pattern MANIFEST_KEY = Pattern.compile("corpora/([^/]+)/([^/]+)/manifest\\.json");

    /** A registered name and version, as found in a manifest key. */
    record Entry(String name, String version) {
    }

    private CorpusLayout() {
    }

    static String examplesKey(String name, String version) {
        return prefix(name, version) + EXAMPLES;
    }

    static String textKey(String name, String version) {
        return prefix(name, version) + TEXT;
    }

    static String manifestKey(String name, String version) {
        return prefix(name, version) + MANIFEST;
    }

    /** The name and version of a manifest key; empty for any other key. */
    static Optional<Entry> parseManifestKey(String key) {
        Matcher m = MANIFEST_KEY.matcher(key);
        return m.matches() && NAME.matcher(m.group(1)).matches() && VERSION.matcher(m.group(2)).matches()
                ? Optional.of(new Entry(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The store prefix of {@code name}'s versions (no trailing slash). */
    static String namePrefix(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid corpus name '" + name + "': expected " + NAME.pattern());
        }
        return ROOT + "/" + name;
    }

    private static String prefix(String name, String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("invalid corpus version '" + version + "': expected "
                    + VERSION.pattern());
        }
        return namePrefix(name) + "/" + version + "/";
    }
}
