package dev.pinch.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Everything that differs between two embedded brokers, and the single-node KRaft server configuration
 * derived from it: one process in both broker and controller roles, replication factor 1 everywhere.
 *
 * @param dataDir        the broker's only log directory; it also holds the KRaft metadata log
 * @param port           the PLAINTEXT port clients connect to (never 0 here)
 * @param controllerPort the CONTROLLER port of the single-voter quorum (never 0 here)
 * @param startupTimeout how long startup and the first Admin round trip may take
 */
record BrokerSettings(Path dataDir, int port, int controllerPort, Duration startupTimeout) {

    static final int NODE_ID = 1;
    static final String HOST = "localhost";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The server configuration, ready for {@code KafkaConfig.fromProps}. */
    Properties serverProperties() {
        Properties props = new Properties();
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("process.roles", "broker,controller");
        props.put("listeners",
                "PLAINTEXT://" + bootstrapServers() + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers());
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        // A static single-voter quorum: voters are known by id, so the controller port may change between restarts.
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("log.dirs", dataDir.toString());
        props.put("initial.broker.registration.timeout.ms", String.valueOf(startupTimeout.toMillis()));

        // One broker: every replication factor and ISR minimum is 1; internal topics get a single partition.
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");

        // Small files, buffers and thread pools: a development broker on a laptop or a 2-core CI machine.
        props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        props.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        props.put("metadata.log.segment.bytes", String.valueOf(8 * 1024 * 1024));
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        return props;
    }

    /** Configuration for an Admin client of this broker whose calls give up after the startup timeout. */
    Map<String, Object> adminConfig() {
        int timeoutMs = Math.toIntExact(startupTimeout.toMillis());
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000));
    }
}
