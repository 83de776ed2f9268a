package dev.pinch.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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
        MessageDigest listing = Sha256.digest();
        for (Path file : files(dir)) {
            String line = Sha256.of(file) + "  " + relative(dir, file) + "\n";
            listing.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(listing);
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
