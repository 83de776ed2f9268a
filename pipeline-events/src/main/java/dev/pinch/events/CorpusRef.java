package dev.pinch.events;

/** A corpus by name and version, with the sha256 of its manifest. */
public record CorpusRef(String name, String version, String sha256) {
}
