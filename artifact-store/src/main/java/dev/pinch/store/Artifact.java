package dev.pinch.store;

import java.net.URI;

/** A stored artifact: where it is, what its content hashes to, and how big it is in bytes. */
public record Artifact(String key, URI uri, String sha256, long size) {
}
