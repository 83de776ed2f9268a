package dev.pinch.broker;

import dev.pinch.events.Topics.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;

/**
 * A real Apache Kafka broker running in this JVM: one KRaft node in both broker and controller roles, with
 * a PLAINTEXT listener on {@code localhost}. Its data directory is formatted on first use and reused on
 * later starts, so a broker restarted on the same directory keeps its cluster id, topics and records.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start()) {
 *     broker.createTopics(Topics.all());
 *     String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafkaBroker.class.getName());

    private final BrokerSettings settings;
    private final KafkaRaftServer server;
    private final boolean temporaryDataDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    EmbeddedKafkaBroker(BrokerSettings settings, KafkaRaftServer server, boolean temporaryDataDir) {
        this.settings = settings;
        this.server = server;
        this.temporaryDataDir = temporaryDataDir;
    }

    /** A builder whose defaults are a temporary data directory, random free ports and a 60 s startup timeout. */
    public static Builder builder() {
        return new Builder();
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code localhost:9092}. */
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /** The absolute directory holding the broker's logs and KRaft metadata. */
    public Path dataDir() {
        return settings.dataDir();
    }

    /**
     * Creates the topics of {@code specs} that do not exist yet (see {@link TopicProvisioner#provision}).
     *
     * @return the names of the topics created by this call
     */
    public List<String> createTopics(List<TopicSpec> specs) {
        try (Admin admin = Admin.create(settings.adminConfig())) {
            return TopicProvisioner.provision(admin, specs);
        }
    }

    /** Blocks until the broker has shut down, whoever shut it down. */
    void awaitShutdown() {
        server.awaitShutdown();
    }

    /** Shuts the broker down and waits for it; deletes the data directory if it was a temporary one. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            long started = System.nanoTime();
            BrokerLauncher.shutDown(server);
            if (temporaryDataDir) {
                BrokerStorage.deleteRecursively(settings.dataDir());
            }
            LOG.info(() -> "Kafka broker at " + bootstrapServers() + " stopped in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        }
    }

    /** Options for {@link EmbeddedKafkaBroker}; {@link #start()} starts the broker and waits until it answers. */
    public static final class Builder {

        private Path dataDir;
        private int port;
        private int controllerPort;
        private Duration startupTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** Keeps the broker's data in {@code dir} (created if missing) instead of a temporary directory. */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** The client (PLAINTEXT) port; 0, the default, picks a free one. */
        public Builder port(int port) {
            this.port = FreePorts.checkPort(port);
            return this;
        }

        /** The KRaft controller port; 0, the default, picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = FreePorts.checkPort(controllerPort);
            return this;
        }

        /** How long to wait for the broker to start and answer an Admin request. */
        public Builder startupTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startup timeout must be positive: " + timeout);
            }
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * Formats the data directory if it is new, starts the broker and waits until it answers.
         *
         * @throws IllegalArgumentException when the data directory is not usable
         * @throws IllegalStateException when the broker cannot start, e.g. because its port is taken
         */
        public EmbeddedKafkaBroker start() {
            return BrokerLauncher.launch(dataDir, port, controllerPort, startupTimeout);
        }
    }
}
