package dev.pinch.dataset.corpus;

/**
 * Who a corpus is: its name and version, and the words stored in its manifest.
 *
 * @param name    {@code ^[a-z0-9][a-z0-9-]{0,62}$}
 * @param version {@code ^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$}; versions are immutable once registered
 */
public record CorpusDescriptor(String name, String version, String description, String license) {
}
