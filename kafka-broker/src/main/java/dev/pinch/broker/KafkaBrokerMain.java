package dev.pinch.broker;

import dev.pinch.events.Topics;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs Pinch's Kafka broker for local development until SIGTERM or Ctrl-C, with every topic of
 * {@link Topics#all()} created. Its data survives restarts on the same data directory.
 *
 * <p>Usage: {@code KafkaBrokerMain [--data-dir DIR] [--port N] [--controller-port N]}; the defaults are
 * {@code ./pinch-data/kafka}, 9092 and a free port.
 */
public final class KafkaBrokerMain {

    private static final String USAGE =
            "Usage: KafkaBrokerMain [--help] [--data-dir DIR (default ./pinch-data/kafka)] [--port N (default 9092)]"
                    + " [--controller-port N (default: a free port)]";

    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    /** The command line, parsed. */
    record Options(Path dataDir, int port, int controllerPort) {

        static Options parse(String... args) {
            Path dataDir = Path.of("pinch-data", "kafka");
            int port = 9092;
            int controllerPort = 0;
            for (int i = 0; i < args.length; i += 2) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(value(args, i));
                    case "--port" -> port = port(args, i);
                    case "--controller-port" -> controllerPort = port(args, i);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            return new Options(dataDir, port, controllerPort);
        }

        private static String value(String[] args, int optionIndex) {
            if (optionIndex + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + args[optionIndex]);
            }
            return args[optionIndex + 1];
        }

        private static int port(String[] args, int optionIndex) {
            String value = value(args, optionIndex);
            try {
                return FreePorts.checkPort(Integer.parseInt(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Invalid " + args[optionIndex] + " " + value + ": " + e.getMessage(), e);
            }
        }
    }

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "%1$tT %4$s %3$s - %5$s%6$s%n");
        }
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.builder()
                    .dataDir(options.dataDir())
                    .port(options.port())
                    .controllerPort(options.controllerPort())
                    .start();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            System.out.println("Kafka broker stopped");
        }, "kafka-broker-shutdown"));
        List<String> created;
        try {
            created = broker.createTopics(Topics.all());
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        System.out.printf("Kafka broker ready at %s (data: %s)%n", broker.bootstrapServers(), broker.dataDir());
        System.out.printf("Topics: %d created, %d already there%n",
                created.size(), Topics.all().size() - created.size());
        broker.awaitShutdown();
    }
}
