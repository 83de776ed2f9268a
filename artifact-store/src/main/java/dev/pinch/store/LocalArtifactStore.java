package dev.pinch.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The default store: files under a root directory. A write goes to a temp file under
 * {@code <root>/.tmp}, is fsynced, then renamed into place (atomic on one filesystem), and the
 * parent directory is fsynced so the rename itself survives a crash.
 */
public final class LocalArtifactStore implements ArtifactStore {

    private static final String TMP = ".tmp";

    private final Path root;
    private final Path realRoot;

    public LocalArtifactStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root.resolve(TMP));
        this.realRoot = this.root.toRealPath();
    }

    public Path root() {
        return root;
    }

    @Override
    public Artifact write(String key, ContentWriter writer) throws IOException {
        Path target = pathOf(key);
        Path tmp = Files.createTempFile(root.resolve(TMP), "w-", ".part");
        try {
            MessageDigest digest = Sha256.digest();
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(channel), digest)) {
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Durability.syncDirectory(target.getParent());
            return new Artifact(key, target.toUri(), Sha256.hex(digest), Files.size(target));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** After a failed publish: the previous version goes back unless another writer's version is there now. */
    private static void restore(Path previous, Path target) throws IOException {
        if (previous == null) {
            return;
        }
        if (Files.exists(target)) {
            Durability.deleteTree(previous);
        } else {
            Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @Override
    public Artifact writeDirectory(String key, Path sourceDirectory) throws IOException {
        Path target = pathOf(key);
        Path staging = root.resolve(TMP).resolve("d-" + UUID.randomUUID());
        try {
            Durability.copyTreeSynced(sourceDirectory, staging);
            Files.createDirectories(target.getParent());
            Path previous = null;
            if (Files.exists(target)) {
                previous = root.resolve(TMP).resolve("old-" + UUID.randomUUID());
                Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                restore(previous, target);
                throw e instanceof FileAlreadyExistsException ? new IOException("concurrent write to " + key, e) : e;
            }
            Durability.syncDirectory(target.getParent());
            if (previous != null) {
                Durability.deleteTree(previous);
            }
            return new Artifact(key, target.toUri(), DirectoryDigest.of(target), DirectoryDigest.size(target));
        } finally {
            Durability.deleteTree(staging);
        }
    }

    @Override
    public Optional<Artifact> find(String key) throws IOException {
        Path path = pathOf(key);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        boolean dir = Files.isDirectory(path);
        return Optional.of(new Artifact(key, path.toUri(),
                dir ? DirectoryDigest.of(path) : Sha256.of(path),
                dir ? DirectoryDigest.size(path) : Files.size(path)));
    }

    @Override
    public Optional<URI> locate(String key) {
        Path path = pathOf(key);
        return Files.exists(path) ? Optional.of(path.toUri()) : Optional.empty();
    }

    @Override
    public InputStream open(URI uri) throws IOException {
        return Files.newInputStream(resolve(uri));
    }

    @Override
    public Path localPath(URI uri) throws IOException {
        Path path = resolve(uri);
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(uri.toString());
        }
        return path;
    }

    @Override
    public URI uri(String key) {
        return pathOf(key).toUri();
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path base = prefix.isEmpty() ? root : pathOf(prefix);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> !k.startsWith(TMP + "/"))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public String sha256(URI uri) throws IOException {
        Path path = localPath(uri);
        return Files.isDirectory(path) ? DirectoryDigest.of(path) : Sha256.of(path);
    }

    private Path pathOf(String key) {
        return root.resolve(Keys.check(key));
    }

    /** Maps a URI back to a path inside the root, refusing other schemes, '..' tricks and symlink escapes. */
    Path resolve(URI uri) throws IOException {
        if (uri == null || !"file".equals(uri.getScheme())) {
            throw new ArtifactAccessException("not a local artifact URI: " + uri);
        }
        Path path = Path.of(uri).normalize();
        if (!path.startsWith(root) || path.equals(root) || root.relativize(path).startsWith(TMP)) {
            throw new ArtifactAccessException("URI " + uri + " is outside the artifact store root " + root);
        }
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !existing.toRealPath().startsWith(realRoot)) {
            throw new ArtifactAccessException("URI " + uri + " escapes the artifact store root " + root
                    + " through a symbolic link");
        }
        return path;
    }
}
