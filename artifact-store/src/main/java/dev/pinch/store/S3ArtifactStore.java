package dev.pinch.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The store on S3 (or MinIO, S3Mock, ...): artifact {@code key} is object {@code <prefix>/<key>} of the root
 * {@code s3://bucket/prefix}, and its URI is {@code s3://bucket/prefix/key}. A write streams to a local temp file
 * and uploads it in one PUT, checked by the server against its sha256, so readers see nothing or all of it. A
 * directory is published by {@link S3DirectoryPublisher}: its files, then a marker; only a marked directory exists.
 * {@link #localPath} materializes artifacts in a {@link S3LocalCache}.
 */
public final class S3ArtifactStore implements ArtifactStore, AutoCloseable {

    /** ListObjectsV2's maximum page size. */
    static final int PAGE_SIZE = 1000;

    private final S3Client s3;
    private final S3Locations locations;
    private final S3Bucket bucket;
    private final S3LocalCache cache;
    private final S3DirectoryPublisher directories;

    /** Opens the store at {@code root} ({@code s3://bucket/prefix}); fails at once if the bucket is missing. */
    public S3ArtifactStore(S3Client s3, String root, Path cacheDir) throws IOException {
        this(s3, root, cacheDir, PAGE_SIZE);
    }

    S3ArtifactStore(S3Client s3, String root, Path cacheDir, int pageSize) throws IOException {
        this.s3 = s3;
        this.locations = S3Locations.parse(root);
        this.bucket = new S3Bucket(s3, locations.bucket(), pageSize);
        bucket.check("pinch.store.root=" + root);
        this.cache = new S3LocalCache(cacheDir);
        this.directories = new S3DirectoryPublisher(bucket, locations);
    }

    public S3Locations locations() {
        return locations;
    }

    @Override
    public Artifact write(String key, ContentWriter writer) throws IOException {
        String objectKey = locations.objectKey(key);
        Path part = Files.createTempFile(cache.tmpDir(), "w-", ".part");
        try {
            MessageDigest digest = Sha256.digest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), digest)) {
                writer.writeTo(out);
            }
            String sha256 = Sha256.hex(digest);
            bucket.put(objectKey, part, sha256, Map.of());
            return new Artifact(key, locations.uri(key), sha256, Files.size(part));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public Artifact writeDirectory(String key, Path sourceDirectory) throws IOException {
        return directories.publish(key, sourceDirectory);
    }

    @Override
    public Optional<Artifact> find(String key) throws IOException {
        Optional<HeadObjectResponse> file = bucket.head(locations.objectKey(key));
        if (file.isPresent()) {
            String sha256 = file.get().metadata().get(S3Bucket.SHA256);
            if (sha256 == null) {
                sha256 = sha256(locations.uri(key));
            }
            return Optional.of(new Artifact(key, locations.uri(key), sha256, file.get().contentLength()));
        }
        return directories.find(key);
    }

    @Override
    public Optional<URI> locate(String key) throws IOException {
        boolean exists = bucket.head(locations.objectKey(key)).isPresent()
                || bucket.head(directories.markerKey(key)).isPresent();
        return exists ? Optional.of(locations.uri(key)) : Optional.empty();
    }

    @Override
    public InputStream open(URI uri) throws IOException {
        return bucket.open(locations.objectKey(locations.key(uri)));
    }

    @Override
    public Path localPath(URI uri) throws IOException {
        String key = locations.key(uri);
        String objectKey = locations.objectKey(key);
        Optional<HeadObjectResponse> file = bucket.head(objectKey);
        if (file.isPresent()) {
            return cache.file(key, file.get().metadata().get(S3Bucket.SHA256), rel -> bucket.open(objectKey));
        }
        Optional<S3DirectoryListing> listing = directories.listing(key);
        if (listing.isEmpty()) {
            throw new NoSuchFileException(uri.toString());
        }
        return cache.directory(key, listing.get(), rel -> bucket.open(objectKey + "/" + rel));
    }

    @Override
    public URI uri(String key) {
        return locations.uri(key);
    }

    /** Keys under {@code prefix} in lexical order, without markers or the files of unpublished directories. */
    @Override
    public List<String> list(String prefix) throws IOException {
        return directories.visible(prefix, bucket.list(locations.listPrefix(prefix)).stream()
                .map(locations::keyOf).toList());
    }

    @Override
    public String sha256(URI uri) throws IOException {
        String key = locations.key(uri);
        if (bucket.head(locations.objectKey(key)).isEmpty()) {
            return DirectoryDigest.of(localPath(uri));
        }
        MessageDigest digest = Sha256.digest();
        try (InputStream in = open(uri)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return Sha256.hex(digest);
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "S3ArtifactStore[" + locations + "]";
    }
}
