package dev.pinch.cli.local;

import dev.pinch.broker.EmbeddedKafkaBroker;
import dev.pinch.cli.api.PinchClient;
import dev.pinch.events.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pinch on one machine: a real Kafka broker in this JVM (KRaft, data under {@code <data>/kafka}) and the three
 * services as child processes sharing the artifact store {@code <data>/store}. The children get this process's pid
 * and shut down by themselves if it dies; {@link #close()} stops them gracefully, then the broker. Files a request
 * names (corpus imports, eval prompt files) are read only from {@code <data>/imports}.
 */
public final class LocalStack implements AutoCloseable {

    private static final List<String> JVM_ARGS = List.of("--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED");

    private final StackConfig config;
    private final EmbeddedKafkaBroker broker;
    private final List<ServiceProcess> services = new ArrayList<>();
    private volatile boolean stopped;

    private LocalStack(StackConfig config, EmbeddedKafkaBroker broker) {
        this.config = config;
        this.broker = broker;
    }

    /** Starts the broker and the services and waits until every service is ready. */
    public static LocalStack start(StackConfig config, PrintStream out) throws IOException, InterruptedException {
        for (int port : new int[] {config.kafkaPort(), config.datasetPort(), config.trainerPort(), config.evaluatorPort()}) {
            requireFree(port);
        }
        Path data = Files.createDirectories(config.dataDir());
        Path imports = Files.createDirectories(data.resolve("imports"));
        BrokerLog.toFile(data.resolve("logs/kafka.log"));
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(data.resolve("kafka"))
                .port(config.kafkaPort()).start();
        LocalStack stack = new LocalStack(config, broker);
        try {
            broker.createTopics(Topics.all());
            out.println("kafka broker      " + broker.bootstrapServers() + " (in-process)");
            stack.launch("dataset-service", config.datasetPort(),
                    Map.of("PINCH_CORPUS_IMPORT_ROOT", imports.toString()));
            stack.launch("trainer-service", config.trainerPort(),
                    Map.of("PINCH_TRAINER_WORK_DIR", data.resolve("trainer-work").toString()));
            stack.launch("evaluator-service", config.evaluatorPort(),
                    Map.of("PINCH_EVALUATOR_WORK_DIR", data.resolve("evaluator-work").toString(),
                            "PINCH_EVALUATOR_PROMPTS_ROOT", imports.toString()));
            stack.awaitReady(out);
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void launch(String name, int port, Map<String, String> own) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.putAll(own);
        env.put("PINCH_STORE_ROOT", config.dataDir().resolve("store").toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("PINCH_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        // The local services listen on the loopback interface only, so their write APIs need no token (README,
        // Security).
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("PINCH_API_AUTH", "false");
        env.putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
        List<String> jvmArgs = new ArrayList<>(JVM_ARGS);
        jvmArgs.addAll(config.serviceArgs().getOrDefault(name, List.of()));
        services.add(ServiceProcess.start(name, config.java(), jvmArgs, config.jar(name), env, config.dataDir(),
                config.dataDir().resolve("logs")));
    }

    private void awaitReady(PrintStream out) throws InterruptedException, IOException {
        PinchClient client = new PinchClient(config.endpoints());
        List<URI> urls = List.of(config.endpoints().dataset(), config.endpoints().trainer(),
                config.endpoints().evaluator());
        for (int i = 0; i < services.size(); i++) {
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (!client.ready(urls.get(i))) {
                String crash = services.get(i).crashed();
                if (crash != null) {
                    throw new IOException(crash);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(services.get(i).name() + " was not ready after 180 s; see "
                            + services.get(i).log());
                }
                Thread.sleep(250);
            }
            out.printf("%-17s %s (pid %d, log %s)%n", services.get(i).name(), urls.get(i), services.get(i).pid(),
                    config.dataDir().relativize(services.get(i).log()));
        }
    }

    /** A service that ended on its own, with the tail of its log. */
    public Optional<String> crashed() {
        return services.stream().map(ServiceProcess::crashed).filter(c -> c != null).findFirst();
    }

    public boolean stopped() {
        return stopped;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Stops the services (in reverse order, each given 60 s to shut down) and then the broker. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (stopped) {
            return;
        }
        stopped = true;
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop(60);
        }
        broker.close();
    }

    private static void requireFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IOException("port " + port + " is in use (is Pinch already running? `bin/pinch up` holds "
                    + "ports 9092 and 8081-8083; other ports: --kafka-port, --http-ports)", e);
        }
    }
}
