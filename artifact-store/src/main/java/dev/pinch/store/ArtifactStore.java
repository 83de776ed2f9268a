package dev.pinch.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage for corpora, mixes, checkpoints and results.
 *
 * <p>Keys are relative, slash-separated paths ({@code mixes/demo.pinch-p1.jsonl}). Every write is
 * atomic: readers see either nothing or the complete, synced content, so an event that names an
 * artifact can be sent as soon as a write returns. URIs handed out by a store are only accepted
 * back by that store; anything outside its root is rejected with {@link ArtifactAccessException}.
 */
public interface ArtifactStore {

    /** Writes the content produced by {@code writer} under {@code key}, replacing any earlier content. */
    Artifact write(String key, ContentWriter writer) throws IOException;

    default Artifact writeBytes(String key, byte[] bytes) throws IOException {
        return write(key, out -> out.write(bytes));
    }

    /** Publishes a whole directory (a checkpoint) under {@code key} at once; its sha256 covers every file. */
    Artifact writeDirectory(String key, Path sourceDirectory) throws IOException;

    /** Metadata of the artifact under {@code key}, if it exists. Reads the whole content to hash it. */
    Optional<Artifact> find(String key) throws IOException;

    /** The URI of the artifact under {@code key} if it exists; cheap (no hashing), for readers and existence checks. */
    Optional<URI> locate(String key) throws IOException;

    InputStream open(URI uri) throws IOException;

    default byte[] readBytes(URI uri) throws IOException {
        try (InputStream in = open(uri)) {
            return in.readAllBytes();
        }
    }

    /** A local path with the artifact's content (the file itself, or a cached copy for remote stores). */
    Path localPath(URI uri) throws IOException;

    /** The URI of {@code key}, whether or not it exists yet. */
    URI uri(String key);

    /** Keys directly or indirectly under {@code prefix}, in lexical order. */
    List<String> list(String prefix) throws IOException;

    /** Recomputes the sha256 of an artifact, to check it against the one an event carries. */
    String sha256(URI uri) throws IOException;

    /** Writes content to a stream the store provides. */
    @FunctionalInterface
    interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
