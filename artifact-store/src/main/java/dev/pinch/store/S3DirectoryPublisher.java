package dev.pinch.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Directory artifacts in the S3 store. The files of directory {@code key} are objects {@code <key>/<relative path>};
 * the directory exists once its marker {@code <key>/.pinch-directory} (an {@link S3DirectoryListing}) does.
 * Publishing puts {@code <key>/.pinch-publishing}, removes the old marker, uploads every file, removes files of an
 * earlier version, puts the new marker last and then removes {@code .pinch-publishing}. So {@code find},
 * {@code locate} and {@code localPath} see the whole directory or none of it (during a republish, or after a failed
 * one, none), and {@code list} hides the files of a directory while it is being published.
 */
final class S3DirectoryPublisher {

    /** User metadata (x-amz-meta-size) of a marker: the total size in bytes of the directory's files. */
    private static final String SIZE = "size";

    private final S3Bucket bucket;
    private final S3Locations locations;

    S3DirectoryPublisher(S3Bucket bucket, S3Locations locations) {
        this.bucket = bucket;
        this.locations = locations;
    }

    String markerKey(String key) {
        return locations.objectKey(key) + "/" + S3DirectoryListing.MARKER;
    }

    Artifact publish(String key, Path source) throws IOException {
        String base = locations.objectKey(key);
        if (!Files.isDirectory(source)) {
            throw new IOException("not a directory: " + source);
        }
        S3DirectoryListing listing = S3DirectoryListing.of(source);
        String publishing = base + "/" + S3DirectoryListing.PUBLISHING;
        bucket.put(publishing, new byte[0], Map.of());
        bucket.delete(markerKey(key));
        long size = 0;
        Set<String> current = new HashSet<>(List.of(publishing));
        for (S3DirectoryListing.Entry entry : listing.entries()) {
            Path file = source.resolve(entry.path());
            bucket.put(base + "/" + entry.path(), file, entry.sha256(), Map.of());
            size += Files.size(file);
            current.add(base + "/" + entry.path());
        }
        for (String stale : bucket.list(base + "/")) {
            if (!current.contains(stale)) {
                bucket.delete(stale);
            }
        }
        bucket.put(markerKey(key), listing.content(), Map.of(SIZE, Long.toString(size)));
        bucket.delete(publishing);
        return new Artifact(key, locations.uri(key), listing.sha256(), size);
    }

    /** The published listing of directory {@code key}, if it exists. */
    Optional<S3DirectoryListing> listing(String key) throws IOException {
        Optional<S3Bucket.Stored> marker = bucket.get(markerKey(key));
        return marker.isEmpty() ? Optional.empty() : Optional.of(S3DirectoryListing.parse(marker.get().bytes()));
    }

    Optional<Artifact> find(String key) throws IOException {
        Optional<S3Bucket.Stored> marker = bucket.get(markerKey(key));
        if (marker.isEmpty()) {
            return Optional.empty();
        }
        String size = marker.get().metadata().get(SIZE);
        return Optional.of(new Artifact(key, locations.uri(key), Sha256.of(marker.get().bytes()),
                size == null ? -1 : Long.parseLong(size)));
    }

    /**
     * Of the keys listed under {@code prefix}, in lexical order: those that are not markers and not in a directory
     * being published (its {@code .pinch-publishing} is in the listing or, for a directory above the prefix, found).
     */
    List<String> visible(String prefix, List<String> keys) throws IOException {
        List<String> hidden = new ArrayList<>();
        String[] segments = prefix.isEmpty() ? new String[0] : prefix.split("/");
        String above = "";
        for (int i = 0; i < segments.length - 1; i++) {
            above = above.isEmpty() ? segments[i] : above + "/" + segments[i];
            if (bucket.head(locations.objectKey(above) + "/" + S3DirectoryListing.PUBLISHING).isPresent()) {
                return List.of();
            }
        }
        for (String key : keys) {
            if (key.endsWith("/" + S3DirectoryListing.PUBLISHING)) {
                hidden.add(key.substring(0, key.length() - S3DirectoryListing.PUBLISHING.length()));
            }
        }
        TreeSet<String> visible = new TreeSet<>();
        for (String key : keys) {
            String name = key.substring(key.lastIndexOf('/') + 1);
            if (!name.equals(S3DirectoryListing.MARKER) && !name.equals(S3DirectoryListing.PUBLISHING)
                    && hidden.stream().noneMatch(key::startsWith)) {
                visible.add(key);
            }
        }
        return List.copyOf(visible);
    }
}
