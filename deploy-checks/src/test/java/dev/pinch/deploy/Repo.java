package dev.pinch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The repository under test and its files. */
final class Repo {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The Pinch service modules that compose runs, each built from {@code <module>/src/main/docker/}. */
    static final java.util.List<String> SERVICES = java.util.List.of("dataset-service", "trainer-service",
            "evaluator-service");

    private Repo() {
    }

    /** The repository root: the nearest directory above the working directory that holds docker-compose.yml. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** A module's src/main/resources/application.properties. */
    static Properties applicationProperties(String module) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(root().resolve(module).resolve(
                "src/main/resources/application.properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    /** The port a service module listens on: its quarkus.http.port. */
    static int httpPort(String module) {
        return Integer.parseInt(applicationProperties(module).getProperty("quarkus.http.port").trim());
    }
}
