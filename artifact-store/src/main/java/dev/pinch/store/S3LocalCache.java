package dev.pinch.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Local copies of S3 artifacts for {@link ArtifactStore#localPath}, content-addressed so that a copy is reused exactly
 * when the artifact's sha256 still matches: a file under {@code <cache>/files/<sha256>/<name>}, a directory under
 * {@code <cache>/dirs/<sha256>/<name>/}. Copies are downloaded under {@code <cache>/.tmp}, checked against the
 * sha256, synced and renamed into place, so a copy that exists is complete. Several processes may share a cache.
 * Nothing is evicted: remove the cache directory to reclaim space.
 */
final class S3LocalCache {

    /** Opens an artifact's object ({@code ""}) or the object of a file in a directory artifact (its relative path). */
    @FunctionalInterface
    interface Source {
        InputStream open(String relativePath) throws IOException;
    }

    private final Path root;
    private final Path tmp;

    S3LocalCache(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = Files.createDirectories(this.root.resolve(".tmp"));
    }

    Path tmpDir() {
        return tmp;
    }

    /** The cached copy of the file artifact {@code key}; {@code sha256} is its expected hash, or null if unknown. */
    Path file(String key, String sha256, Source source) throws IOException {
        if (sha256 != null && Files.isRegularFile(fileEntry(sha256, key))) {
            return fileEntry(sha256, key);
        }
        Path part = Files.createTempFile(tmp, "f-", ".part");
        try {
            String actual = download(source, "", part);
            if (sha256 != null && !sha256.equals(actual)) {
                throw new IOException("s3 artifact " + key + " has sha256 " + actual + ", its metadata says " + sha256);
            }
            Path target = fileEntry(actual, key);
            Files.createDirectories(target.getParent());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The cached copy of the directory artifact {@code key} published with {@code listing}. */
    Path directory(String key, S3DirectoryListing listing, Source source) throws IOException {
        Path target = root.resolve("dirs").resolve(listing.sha256()).resolve(name(key));
        if (Files.isDirectory(target)) {
            return target;
        }
        Path staging = tmp.resolve("d-" + UUID.randomUUID());
        try {
            for (S3DirectoryListing.Entry entry : listing.entries()) {
                Path file = staging.resolve(entry.path()).normalize();
                if (!file.startsWith(staging)) {
                    throw new IOException("directory artifact " + key + " lists a path outside it: " + entry.path());
                }
                Files.createDirectories(file.getParent());
                download(source, entry.path(), file);
            }
            String actual = DirectoryDigest.of(Files.createDirectories(staging));
            if (!actual.equals(listing.sha256())) {
                throw new IOException("directory artifact " + key + " changed while it was downloaded (sha256 "
                        + actual + ", published " + listing.sha256() + "); try again");
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Another process cached the same content first; its copy is as good as ours.
            }
            return target;
        } finally {
            Durability.deleteTree(staging);
        }
    }

    private Path fileEntry(String sha256, String key) {
        return root.resolve("files").resolve(sha256).resolve(name(key));
    }

    private static String name(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** Copies the object to {@code target}, synced, and returns its sha256. */
    private static String download(Source source, String relativePath, Path target) throws IOException {
        MessageDigest digest = Sha256.digest();
        try (InputStream in = source.open(relativePath);
                FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
            in.transferTo(out);
            out.flush();
            channel.force(true);
        }
        return Sha256.hex(digest);
    }
}
