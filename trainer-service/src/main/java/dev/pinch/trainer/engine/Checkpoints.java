package dev.pinch.trainer.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checkpoint directories of a run: {@code <workDir>/checkpoints/step-N}. A directory is written under a
 * hidden temporary name, every file and the directory fsynced, then renamed atomically into place, so
 * a {@code step-N} directory is always complete; leftovers of an interrupted write are hidden
 * ({@code .step-N.tmp-*}) and removed by {@link #clean}.
 */
public final class Checkpoints {

    private static final Pattern STEP = Pattern.compile("step-(\\d+)");

    private Checkpoints() {
    }

    public static Path root(Path workDir) {
        return workDir.resolve("checkpoints");
    }

    /** The newest complete checkpoint of a run, if any: where a crashed or killed run resumes. */
    public static Optional<Path> latest(Path workDir) throws IOException {
        Path root = root(workDir);
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> STEP.matcher(d.getFileName().toString()).matches())
                    .filter(d -> Files.isRegularFile(d.resolve(TrainerState.FILE)))
                    .max(Comparator.comparingLong(Checkpoints::step));
        }
    }

    static long step(Path dir) {
        Matcher m = STEP.matcher(dir.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** A fresh temporary directory for checkpoint {@code step}. */
    static Path staging(Path workDir, long step) throws IOException {
        Path root = Files.createDirectories(root(workDir));
        return Files.createDirectory(root.resolve(".step-" + step + ".tmp-" + System.nanoTime()));
    }

    /** Fsyncs every file of {@code staged}, renames it to {@code step-N} atomically, fsyncs the parent. */
    static Path publish(Path staged, long step) throws IOException {
        try (Stream<Path> files = Files.list(staged)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                fsync(f);
            }
        }
        fsync(staged);
        Path root = staged.getParent();
        Path target = root.resolve("step-" + step);
        Path old = null;
        if (Files.exists(target)) {
            old = root.resolve(".step-" + step + ".old-" + System.nanoTime());
            move(target, old);
        }
        move(staged, target);
        fsync(root);
        if (old != null) {
            deleteTree(old);
        }
        return target;
    }

    /** Removes hidden leftovers of interrupted checkpoint writes. */
    static void clean(Path workDir) throws IOException {
        Path root = root(workDir);
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith(".step-")).toList()) {
                deleteTree(d);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename " + from + " atomically", e);
        }
    }

    private static void fsync(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
