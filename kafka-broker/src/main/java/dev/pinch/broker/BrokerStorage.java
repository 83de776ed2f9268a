package dev.pinch.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;

/** The broker's data directory: checked before use, formatted once, deleted when temporary. */
final class BrokerStorage {

    private static final Logger LOG = Logger.getLogger(BrokerStorage.class.getName());

    private BrokerStorage() {
    }

    static Path createTempDir() {
        try {
            return Files.createTempDirectory("pinch-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary Kafka data directory", e);
        }
    }

    /** Creates {@code dir} if needed and fails clearly when it cannot hold Kafka's data. */
    static Path prepare(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw unusable(absolute, "it is not a directory", null);
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw unusable(absolute, e.toString(), e);
        }
        if (!Files.isWritable(absolute)) {
            throw unusable(absolute, "it is not writable", null);
        }
        return absolute;
    }

    private static IllegalArgumentException unusable(Path dir, String reason, Exception cause) {
        return new IllegalArgumentException("Kafka data directory " + dir + " is not usable: " + reason, cause);
    }

    /**
     * Formats {@code dir} for a new single-node cluster with a fresh cluster id, unless it already holds a
     * {@code meta.properties} from an earlier run: then the cluster, its id, topics and records are kept.
     */
    static void formatIfNeeded(Path dir) {
        if (Files.exists(dir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            LOG.fine(() -> "Kafka storage in " + dir + " is already formatted");
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        try (PrintStream silent = new PrintStream(OutputStream.nullOutputStream())) {
            new Formatter()
                    .setPrintStream(silent)
                    .setNodeId(BrokerSettings.NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(dir.toString())
                    .addDirectory(dir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dir + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "Formatted Kafka storage in " + dir + " for new cluster " + clusterId);
    }

    /** Deletes {@code dir} and everything under it; failures are logged, not thrown. */
    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "Could not delete Kafka data directory " + dir, e);
        }
    }
}
