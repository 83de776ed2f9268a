package dev.pinch.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The marker object of a directory artifact in the S3 store: {@link DirectoryDigest}'s {@code sha256sum}-style
 * listing ({@code <file sha256>  <relative path>\n} per file, in path order), so the directory's sha256 is the
 * sha256 of the marker's content, equal to what {@link LocalArtifactStore} computes for the same files.
 */
record S3DirectoryListing(byte[] content, List<Entry> entries) {

    /** Object name of the marker under the directory's key; a leading dot keeps it out of every valid key. */
    static final String MARKER = ".pinch-directory";
    /** Object name present under a directory's key while it is being (re)published. */
    static final String PUBLISHING = ".pinch-publishing";

    record Entry(String sha256, String path) {
    }

    static S3DirectoryListing of(Path dir) throws IOException {
        return parse(DirectoryDigest.listing(dir));
    }

    static S3DirectoryListing parse(byte[] content) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IOException("malformed directory listing: no final newline");
        }
        for (String line : text.isEmpty() ? new String[0] : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}") || !line.startsWith("  ", 64)) {
                throw new IOException("malformed directory listing line: " + line);
            }
            String path = line.substring(66);
            if (path.equals(MARKER) || path.equals(PUBLISHING) || path.startsWith("/") || path.contains("\\")) {
                throw new IOException("a directory artifact cannot hold a file named " + path);
            }
            entries.add(new Entry(line.substring(0, 64), path));
        }
        return new S3DirectoryListing(content, List.copyOf(entries));
    }

    String sha256() {
        return Sha256.of(content);
    }
}
