package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.cli.api.PinchClient;
import dev.pinch.cli.local.LocalStack;
import dev.pinch.cli.local.ServiceProcess;
import dev.pinch.cli.local.StackConfig;
import dev.pinch.cli.progress.ExperimentSnapshot;
import dev.pinch.cli.progress.Watcher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local pipeline as {@code bin/pinch} runs it (the in-process Kafka broker and the three built service jars as
 * child processes), on a tiny real experiment: it completes, every metric a Grafana dashboard queries is on the
 * services' /q/metrics afterwards, a crashed service is reported, and stopping leaves no process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPipelineTest {

    static final String SPEC = """
            id: local-pipeline
            corpus: builtin
            seed: 3
            budget: 24
            languages: [en, es]
            training: {maxSteps: 2, batchSize: 4, maxSeqLen: 96, warmupSteps: 1, progressEvery: 1, devEvery: 0}
            eval: {maxPromptsPerLanguage: 2, maxNewTokens: 4}
            designs:
              - type: monolingual
              - type: pinch
                percents: [50]
            """;

    static LocalStack stack;
    static StackConfig config;
    static ExperimentSnapshot finished;
    /** Metric names seen on the services' /q/metrics while the experiment ran and after it finished. */
    static final Set<String> exposed = new TreeSet<>();

    @BeforeAll
    static void runATinyExperiment() throws Exception {
        Path data = Files.createDirectories(Path.of("target/local-pipeline")).toAbsolutePath();
        deleteStore(data);
        config = new StackConfig(Repo.root(), data, freePort(), freePort(), freePort(), freePort(),
                StackConfig.currentJava(), Map.of("trainer-service", List.of(
                        "-Dpinch.trainer.builtin-pretrain.maxSteps=3", "-Dpinch.trainer.builtin-pretrain.batchSize=4",
                        "-Dpinch.trainer.builtin-pretrain.maxSeqLen=64", "-Dpinch.trainer.builtin-pretrain.devEvery=0",
                        "-Dpinch.trainer.builtin-pretrain.warmupSteps=1")));
        stack = LocalStack.start(config, System.out);
        PinchClient client = new PinchClient(config.endpoints());
        Path spec = Files.writeString(data.resolve("spec.yaml"), SPEC);
        client.submit(spec);
        finished = new Watcher(client, new PrintStream(OutputStream.nullOutputStream()), false, Duration.ofSeconds(1))
                .watch("local-pipeline", Duration.ofMinutes(8), () -> {
                    if (stack.crashed().isPresent()) {
                        return true; // stop watching; the assertion below shows the crash and its log
                    }
                    scrapeAll();
                    return false;
                });
        assertThat(stack.crashed()).isEmpty();
        scrapeAll();
    }

    @Test
    @Order(1)
    void theExperimentCompletesWithEveryMixTrainedAndScored() {
        assertThat(finished.complete()).isTrue();
        assertThat(finished.mixes()).extracting(m -> m.phase()).containsOnly("done");
        JsonNode report = new PinchClient(config.endpoints()).report("local-pipeline");
        // every trained mix, and the untuned built-in base model as the reference row
        assertThat(report.path("matrices").path("sxs").path("rows")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("base", "mono-en", "mono-es", "pinch-p50");
    }

    static final String LORA_SPEC = """
            id: local-lora
            corpus: builtin
            seed: 3
            budget: 24
            languages: [en]
            training: {maxSteps: 2, batchSize: 4, maxSeqLen: 96, warmupSteps: 1, progressEvery: 1, devEvery: 0,
                       learningRate: 0.01, lora: {rank: 4, alpha: 8}}
            eval: {maxPromptsPerLanguage: 2, maxNewTokens: 4}
            designs:
              - type: monolingual
            """;

    /**
     * A LoRA experiment on the built-in model through the services: MixReady, adapter checkpoints (PEFT's files, no
     * full weights), their evaluation over the stored base, and the report.
     */
    @Test
    @Order(1)
    void aLoraExperimentRunsEndToEnd() throws Exception {
        PinchClient client = new PinchClient(config.endpoints());
        client.submit(Files.writeString(config.dataDir().resolve("lora.yaml"), LORA_SPEC));
        ExperimentSnapshot done = new Watcher(client, new PrintStream(OutputStream.nullOutputStream()), false,
                Duration.ofSeconds(1)).watch("local-lora", Duration.ofMinutes(6), () -> stack.crashed().isPresent());
        assertThat(stack.crashed()).isEmpty();
        assertThat(done.complete()).isTrue();
        assertThat(done.mixes()).extracting(m -> m.phase()).containsOnly("done");
        List<Path> adapters;
        try (var files = Files.walk(config.dataDir())) {
            adapters = files.filter(f -> f.toString().contains("local-lora") && f.toString().contains("checkpoints")
                    && f.getFileName().toString().equals("adapter_config.json")).toList();
        }
        assertThat(adapters).isNotEmpty().allSatisfy(a -> {
            assertThat(a.resolveSibling("adapter_model.safetensors")).exists();
            assertThat(a.resolveSibling("model.safetensors")).doesNotExist();
            assertThat(Files.readString(a)).contains("\"base_model_name_or_path\": \"builtin-");
        });
        JsonNode report = client.report("local-lora");
        assertThat(report.path("matrices").path("task").path("rows")).extracting(JsonNode::asText)
                .contains("mono-en");
    }

    @Test
    @Order(2)
    void everyMetricADashboardQueriesIsExposedByTheServices() {
        Set<String> used = DashboardQueries.metricNames(Repo.root().resolve("deploy/grafana/dashboards"));
        assertThat(used).as("dashboards query metrics").isNotEmpty();
        assertThat(exposed).as("metrics on /q/metrics of the three services during and after a real run")
                .containsAll(used);
    }

    /**
     * Every panel query of every dashboard, with Grafana's variables filled in as "All", evaluated by a real
     * Prometheus run with deploy/prometheus/prometheus.yml (its targets pointed at the local services): each must
     * execute and return series.
     */
    @Test
    @Order(3)
    void everyDashboardQueryReturnsSeriesFromARealPrometheus() throws Exception {
        Map<String, String> targets = Map.of(
                "dataset-service:" + Repo.httpPort("dataset-service"), "127.0.0.1:" + config.datasetPort(),
                "trainer-service:" + Repo.httpPort("trainer-service"), "127.0.0.1:" + config.trainerPort(),
                "evaluator-service:" + Repo.httpPort("evaluator-service"), "127.0.0.1:" + config.evaluatorPort());
        try (PrometheusServer prometheus = PrometheusServer.start(config.dataDir().resolve("prometheus"), freePort(),
                Repo.root().resolve("deploy/prometheus/prometheus.yml"), targets)) {
            Map<String, String> pending = new java.util.LinkedHashMap<>(); // label -> query
            for (Path dashboard : DashboardQueries.dashboards(Repo.root().resolve("deploy/grafana/dashboards"))) {
                for (String expr : DashboardQueries.expressions(dashboard)) {
                    pending.put(dashboard.getFileName() + ": " + expr, asAll(expr));
                }
            }
            assertThat(pending).hasSizeGreaterThan(20);
            // Micrometer binds a Kafka client's metrics when it next checks the client (every 60 s), so a series can
            // appear up to a minute after the run: each query is asked again until it has series, for up to 90 s.
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (true) {
                for (var it = pending.entrySet().iterator(); it.hasNext();) {
                    var e = it.next();
                    JsonNode answer = prometheus.query(e.getValue());
                    assertThat(answer.path("status").asText()).as(e.getKey() + " -> " + answer.path("error").asText())
                            .isEqualTo("success");
                    if (!answer.path("data").path("result").isEmpty()) {
                        it.remove();
                    }
                }
                if (pending.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(2000);
            }
            assertThat(pending.keySet()).as("queries without series after a real run").isEmpty();
        }
    }

    /** A panel query as Grafana sends it with every variable on "All" and a 1-minute rate interval. */
    static String asAll(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$__range", "10m")
                .replaceAll("\\$\\{?(experiment|run|mix|language)}?", ".*");
    }

    @Test
    @Order(4)
    void aCrashedServiceIsReportedWithItsLog() throws Exception {
        ServiceProcess evaluator = stack.services().get(2);
        ProcessHandle.of(evaluator.pid()).orElseThrow().destroyForcibly();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (stack.crashed().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(stack.crashed()).hasValueSatisfying(c -> assertThat(c)
                .startsWith("evaluator-service exited with status 137").contains("evaluator-service.log"));
    }

    @AfterAll
    static void stoppingLeavesNoProcessBehind() throws Exception {
        if (stack == null) {
            return;
        }
        List<ServiceProcess> services = stack.services();
        stack.close();
        for (ServiceProcess s : services) {
            assertThat(ProcessHandle.of(s.pid()).filter(ProcessHandle::isAlive)).as(s.name()).isEmpty();
        }
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    /** Adds the metric names each service exposes now (per-run gauges exist only while a run trains). */
    static void scrapeAll() {
        for (URI service : List.of(config.endpoints().dataset(), config.endpoints().trainer(),
                config.endpoints().evaluator())) {
            try {
                exposed.addAll(metricNames(scrape(service.resolve("/q/metrics"))));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Set<String> metricNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    static String scrape(URI url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url.toString()).isEqualTo(200);
        return response.body();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteStore(Path data) throws IOException {
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
