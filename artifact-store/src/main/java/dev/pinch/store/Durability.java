package dev.pinch.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** fsync and tree helpers for crash-safe writes. */
final class Durability {

    private Durability() {
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some filesystems refuse to open directories; the rename is still atomic there.
        }
    }

    static void copyTreeSynced(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IOException("not a directory: " + source);
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.sorted().toList();
        }
        for (Path from : paths) {
            Path to = target.resolve(source.relativize(from).toString());
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else if (Files.isRegularFile(from)) {
                Files.copy(from, to);
                try (FileChannel channel = FileChannel.open(to, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
        syncDirectory(target);
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
