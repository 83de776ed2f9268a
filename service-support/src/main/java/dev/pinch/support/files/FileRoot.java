package dev.pinch.support.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A directory the operator configured as the only place a service reads files that a request names (corpus
 * imports, eval prompt files). A requested path, relative to the root or absolute, is accepted only when it lies
 * under the root both as written and after following symlinks ({@link Path#toRealPath}), so {@code ../}, symlinks
 * out of the root and {@code /dev/zero} are refused. Refusals name the path as requested, never anything read from
 * it, and say nothing about whether a path outside the root exists.
 */
public final class FileRoot {

    /** A path refused: outside the root, not there, or unusable. The message is safe to return to a caller. */
    public static final class RefusedPathException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        RefusedPathException(String message) {
            super(message);
        }
    }

    private final Path root;
    private final String property;

    /**
     * @param root     the configured directory (need not exist: then every path is refused)
     * @param property the setting that configures it, named in refusals (e.g. {@code pinch.corpus.import-root})
     */
    public FileRoot(Path root, String property) {
        this.root = root.toAbsolutePath().normalize();
        this.property = property;
    }

    /** The root as configured, absolute. */
    public Path root() {
        return root;
    }

    /**
     * The real path of {@code requested} under the root.
     *
     * @throws RefusedPathException when it is blank, outside the root (as written or through a symlink), or does not
     *                              exist under it
     * @throws IOException          when the file system fails otherwise
     */
    public Path resolve(String requested) throws IOException {
        if (requested == null || requested.isBlank()) {
            throw new RefusedPathException("is required");
        }
        Path asWritten;
        try {
            asWritten = root.resolve(requested).normalize();
        } catch (InvalidPathException e) {
            throw new RefusedPathException("is not a valid path");
        }
        if (!asWritten.startsWith(root)) {
            throw outside(requested);
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (NoSuchFileException e) {
            throw new RefusedPathException("cannot be read: the directory " + property + " does not exist");
        }
        Path real;
        try {
            real = asWritten.toRealPath();
        } catch (NoSuchFileException e) {
            throw new RefusedPathException("no such file or directory under " + property + ": " + requested);
        }
        if (!real.startsWith(realRoot)) {
            throw outside(requested);
        }
        return real;
    }

    /** {@link #resolve}, also requiring a regular file of at most {@code maxBytes}. */
    public Path regularFile(String requested, long maxBytes) throws IOException {
        Path file = resolve(requested);
        if (!Files.isRegularFile(file)) {
            throw new RefusedPathException("is not a regular file: " + requested);
        }
        if (Files.size(file) > maxBytes) {
            throw new RefusedPathException("is larger than " + maxBytes + " bytes: " + requested);
        }
        return file;
    }

    private RefusedPathException outside(String requested) {
        return new RefusedPathException("is outside the directory files may be read from (" + property + "): "
                + requested);
    }
}
