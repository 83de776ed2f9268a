package dev.pinch.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Time;

/** Starts and stops the {@link KafkaRaftServer} behind an {@link EmbeddedKafkaBroker}. */
final class BrokerLauncher {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafkaBroker.class.getName());

    private BrokerLauncher() {
    }

    /**
     * Prepares and, if new, formats the data directory, starts the server and waits until its Admin API
     * answers. A {@code null} data directory means a temporary one; a port of 0 means a free one.
     */
    static EmbeddedKafkaBroker launch(Path dataDir, int port, int controllerPort, Duration startupTimeout) {
        boolean temporary = dataDir == null;
        Path dir = temporary ? BrokerStorage.createTempDir() : BrokerStorage.prepare(dataDir);
        BrokerSettings settings =
                new BrokerSettings(dir, FreePorts.orFree(port), FreePorts.orFree(controllerPort), startupTimeout);
        BrokerLogging.quietUnlessConfigured();
        long started = System.nanoTime();
        KafkaRaftServer server = null;
        try {
            BrokerStorage.formatIfNeeded(dir);
            server = new KafkaRaftServer(KafkaConfig.fromProps(settings.serverProperties(), false), Time.SYSTEM);
            server.startup();
            awaitAdminAnswers(settings);
        } catch (RuntimeException e) {
            if (server != null) {
                shutDown(server);
            }
            if (temporary) {
                BrokerStorage.deleteRecursively(dir);
            }
            throw new IllegalStateException("Kafka broker could not start on " + settings.bootstrapServers()
                    + " (data: " + dir + "): " + describe(e), e);
        }
        LOG.info(() -> "Kafka broker ready at " + settings.bootstrapServers() + " in " + elapsedMillis(started)
                + " ms (data: " + dir + ")");
        return new EmbeddedKafkaBroker(settings, server, temporary);
    }

    private static void awaitAdminAnswers(BrokerSettings settings) {
        try (Admin admin = Admin.create(settings.adminConfig())) {
            admin.describeCluster().nodes().get(settings.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("no answer from the Admin API within " + settings.startupTimeout(), e);
        }
    }

    /** The exception's message, plus its root cause: Kafka's outer messages rarely say what went wrong. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + " (root cause: " + root + ")";
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    static void shutDown(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Kafka broker did not shut down cleanly", e);
        }
    }
}
