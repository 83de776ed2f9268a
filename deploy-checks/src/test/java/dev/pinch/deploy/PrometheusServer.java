package dev.pinch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} package; {@code .ci/run} installs it) run with the repository's own
 * {@code deploy/prometheus/prometheus.yml}, its compose targets pointed at local ports and scraped every second,
 * for evaluating the dashboards' queries.
 */
final class PrometheusServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI url;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Starts it with {@code config}, each {@code "compose-target"} in it replaced by its local {@code host:port}. */
    static PrometheusServer start(Path dir, int port, Path config, Map<String, String> targets)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's prometheus package "
                    + "(apt-get install prometheus; .ci/run does)");
        }
        Files.createDirectories(dir);
        String text = Files.readString(config).replace("scrape_interval: 15s", "scrape_interval: 1s");
        for (Map.Entry<String, String> target : targets.entrySet()) {
            if (!text.contains("\"" + target.getKey() + "\"")) {
                throw new IllegalArgumentException(config + " has no target \"" + target.getKey() + "\"");
            }
            text = text.replace("\"" + target.getKey() + "\"", "\"" + target.getValue() + "\"");
        }
        Path local = Files.writeString(dir.resolve("prometheus.yml"), text);
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + local,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port));
        server.awaitUp(targets.size());
        return server;
    }

    /** Waits until every target has been scraped successfully at least twice (so rates have two samples). */
    private void awaitUp(int targets) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode result = query("sum_over_time(up[1m])").path("data").path("result");
                if (result.size() == targets) {
                    boolean all = true;
                    for (JsonNode series : result) {
                        all &= Double.parseDouble(series.path("value").get(1).asText()) >= 2;
                    }
                    if (all) {
                        return;
                    }
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("prometheus did not scrape every target within 60 s");
    }

    /** GET /api/v1/query: the whole response (status, data.result, error). */
    JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
