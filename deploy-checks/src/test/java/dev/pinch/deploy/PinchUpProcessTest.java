package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code pinch up} as a user runs it, a separate JVM from the built CLI jar: Ctrl-C (SIGINT) stops the three services
 * it started, and when the launcher itself is killed (SIGKILL: no shutdown hook runs) the services notice and stop
 * on their own. Either way no process is left behind.
 */
class PinchUpProcessTest {

    static final Path DATA = Path.of("target/pinch-up").toAbsolutePath();

    @Test
    void ctrlCStopsEveryService() throws Exception {
        Process launcher = startPinchUp();
        List<ProcessHandle> services = launcher.descendants().filter(p -> p.info().commandLine()
                .map(c -> c.contains("quarkus-run.jar")).orElse(false)).toList();
        assertThat(services).hasSize(3);

        // Ctrl-C: SIGINT, sent with bash's builtin kill (no procps needed).
        new ProcessBuilder("bash", "-c", "kill -INT " + launcher.pid()).start().waitFor();
        assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).as("launcher exits after Ctrl-C").isTrue();
        assertThat(Files.readString(DATA.resolve("up.log"))).contains("stopping Pinch...").contains("stopped");
        services.forEach(s -> assertThat(s.isAlive()).as(s.pid() + " still running").isFalse());
    }

    @Test
    void servicesStopByThemselvesWhenTheLauncherIsKilled() throws Exception {
        Process launcher = startPinchUp();
        List<ProcessHandle> services = launcher.descendants().filter(ProcessHandle::isAlive).toList();
        assertThat(services).hasSizeGreaterThanOrEqualTo(3);

        launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (services.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        services.forEach(s -> assertThat(s.isAlive()).as(s.pid() + " orphaned").isFalse());
        assertThat(Files.readString(DATA.resolve("logs/trainer-service.log")))
                .contains("the launcher (pid " + launcher.pid() + ") is gone; shutting down");
    }

    /** Starts {@code java -jar cli/target/pinch-cli.jar up} on free ports and waits until it says it is up. */
    static Process startPinchUp() throws IOException, InterruptedException {
        Files.createDirectories(DATA);
        Path root = Repo.root();
        Process launcher = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dpinch.home=" + root, "-jar", root.resolve("cli/target/pinch-cli.jar").toString(), "up",
                "--data", DATA.toString(), "--kafka-port", Integer.toString(freePort()),
                "--http-ports", freePort() + "," + freePort() + "," + freePort())
                .redirectErrorStream(true).redirectOutput(DATA.resolve("up.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!Files.readString(DATA.resolve("up.log")).contains("Pinch is up")) {
            assertThat(launcher.isAlive()).as("pinch up died: " + Files.readString(DATA.resolve("up.log"))).isTrue();
            assertThat(System.nanoTime()).as("pinch up within 180 s").isLessThan(deadline);
            Thread.sleep(250);
        }
        return launcher;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
