package dev.pinch.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sha256 of a directory: the sha256 of its {@code sha256sum}-style listing, one line
 * {@code <file sha256>  <relative path>\n} per regular file, in path order. Reproducible with
 * {@code (cd dir && find . -type f | sed 's|^./||' | LC_ALL=C sort | xargs sha256sum) | sha256sum}.
 */
public final class DirectoryDigest {

    private DirectoryDigest() {
    }

    public static String of(Path dir) throws IOException {
        return Sha256.of(listing(dir));
    }

    /** The {@code sha256sum}-style listing whose sha256 is the directory's; the S3 store publishes it as is. */
    static byte[] listing(Path dir) throws IOException {
        StringBuilder listing = new StringBuilder();
        for (Path file : files(dir)) {
            listing.append(Sha256.of(file)).append("  ").append(relative(dir, file)).append('\n');
        }
        return listing.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long size(Path dir) throws IOException {
        long total = 0;
        for (Path file : files(dir)) {
            total += Files.size(file);
        }
        return total;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> relative(dir, a).compareTo(relative(dir, b)))
                    .toList();
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }
}
