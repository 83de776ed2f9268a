package dev.pinch.cli.commands;

import dev.pinch.cli.PinchCli;
import dev.pinch.cli.local.StackConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of the commands that run Pinch locally ({@code up}, {@code demo}). */
public class StackOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "where the store, the Kafka log and the service logs go (default: <checkout>/pinch-data)")
    Path data;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka listener port (default 9092)")
    int kafkaPort;

    @Option(names = "--http-ports", split = ",", defaultValue = "8081,8082,8083",
            description = "dataset, trainer and evaluator HTTP ports (default 8081,8082,8083)")
    List<Integer> httpPorts;

    StackConfig config(Map<String, List<String>> serviceArgs) {
        if (httpPorts.size() != 3) {
            throw new IllegalArgumentException("--http-ports: needs three ports (dataset,trainer,evaluator), was "
                    + httpPorts);
        }
        Path home = PinchCli.home();
        return new StackConfig(home, (data != null ? data : home.resolve("pinch-data")).toAbsolutePath(), kafkaPort,
                httpPorts.get(0), httpPorts.get(1), httpPorts.get(2), StackConfig.currentJava(), serviceArgs);
    }
}
