package dev.pinch.cli.local;

import dev.pinch.cli.api.Endpoints;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How {@link LocalStack} runs: where Pinch is checked out ({@code home}: the service jars are under
 * {@code <module>/target/quarkus-app}), where its files go ({@code dataDir}: store, Kafka log, service logs), the
 * ports, the java command for the services, and extra JVM arguments per
 * service (e.g. {@code -Dpinch.trainer.builtin-pretrain.maxSteps=300} for {@code trainer-service}).
 */
public record StackConfig(Path home, Path dataDir, int kafkaPort, int datasetPort, int trainerPort, int evaluatorPort,
        String java, Map<String, List<String>> serviceArgs) {

    public Endpoints endpoints() {
        return Endpoints.local(datasetPort, trainerPort, evaluatorPort);
    }

    public Path jar(String module) {
        return home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** This JVM's own java command, for the services. */
    public static String currentJava() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
