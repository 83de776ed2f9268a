package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.events.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Static checks of docker-compose.yml, its GPU override, the Dockerfiles and the Prometheus config. */
class ComposeFileTest {

    private static final Path ROOT = Repo.root();
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Path GPU_OVERRIDE = ROOT.resolve("docker-compose.gpu.yml");
    private static final Pattern SERVICE_DOCKERFILE = Pattern.compile("([a-z-]+)/src/main/docker/Dockerfile\\.[a-z]+");
    private static final Pattern TOPIC_LINE = Pattern.compile("(?m)^\\s*create\\s+(\\S+)\\s+(\\d+)\\s+(\\d+)\\s*$");

    private static Map<String, JsonNode> services(Path composeFile) {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        Repo.yaml(composeFile).path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    private static final Map<String, JsonNode> SERVICES = services(COMPOSE);

    /** The Pinch module a compose service is built from, if it is one. */
    private static Optional<String> module(JsonNode service) {
        Matcher m = SERVICE_DOCKERFILE.matcher(service.path("build").path("dockerfile").asText(""));
        return m.matches() && Repo.SERVICES.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static boolean oneShot(JsonNode service) {
        return "no".equals(service.path("restart").asText(""));
    }

    private static List<String> environmentNames(JsonNode service) {
        List<String> names = new ArrayList<>();
        JsonNode env = service.path("environment");
        if (env.isObject()) {
            env.fieldNames().forEachRemaining(names::add);
        } else {
            env.forEach(e -> names.add(e.asText().split("=", 2)[0]));
        }
        return names;
    }

    /** Container port → published host port (null when not published), from short or long port syntax. */
    private static Map<Integer, Integer> ports(JsonNode service) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (JsonNode port : service.path("ports")) {
            if (port.isObject()) {
                ports.put(port.path("target").asInt(), port.hasNonNull("published") ? port.path("published").asInt() : null);
            } else {
                String[] parts = port.asText().split("/")[0].split(":");
                int target = Integer.parseInt(parts[parts.length - 1]);
                ports.put(target, parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : null);
            }
        }
        return ports;
    }

    private static String healthcheck(JsonNode service) {
        JsonNode test = service.path("healthcheck").path("test");
        if (test.isArray()) {
            List<String> parts = new ArrayList<>();
            test.forEach(p -> parts.add(p.asText()));
            return String.join(" ", parts);
        }
        return test.asText("");
    }

    /** The dataset-service offers exactly the LLM judges the evaluator defines (PINCH_EVALUATOR_JUDGES_<NAME>_*). */
    @Test
    void theDatasetServiceOffersTheEvaluatorsJudges() {
        Set<String> judges = new TreeSet<>();
        for (String name : environmentNames(SERVICES.get("evaluator-service"))) {
            Matcher m = Pattern.compile("PINCH_EVALUATOR_JUDGES_([A-Z0-9]+)_BASE_URL").matcher(name);
            if (m.matches()) {
                judges.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertThat(judges).isNotEmpty();
        String offered = SERVICES.get("dataset-service").path("environment").path("PINCH_DATASET_JUDGES").asText();
        assertThat(Set.of(offered.split(","))).isEqualTo(judges);
    }

    @Test
    void composeFilesParseAndNameTheExpectedServices() {
        assertThat(SERVICES).containsKeys("kafka", "kafka-init", "minio", "minio-init", "dataset-service",
                "trainer-service", "evaluator-service", "prometheus", "grafana");
        assertThat(SERVICES.values().stream().flatMap(s -> module(s).stream()).toList())
                .containsExactlyInAnyOrderElementsOf(Repo.SERVICES);
        assertThat(services(GPU_OVERRIDE)).containsOnlyKeys("trainer-service");
    }

    @Test
    void everyServiceHasAnImageOrABuildWhoseDockerfileExists() {
        for (Path file : List.of(COMPOSE, GPU_OVERRIDE)) {
            services(file).forEach((name, service) -> {
                assertThat(service.hasNonNull("image") || service.has("build"))
                        .as("%s: service %s has neither image nor build", file.getFileName(), name).isTrue();
                if (service.has("build")) {
                    JsonNode build = service.path("build");
                    Path context = ROOT.resolve(build.isTextual() ? build.asText() : build.path("context").asText("."));
                    Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
                    assertThat(context).as("%s: build context of %s", file.getFileName(), name).isDirectory();
                    assertThat(dockerfile).as("%s: Dockerfile of %s", file.getFileName(), name).isRegularFile();
                }
            });
        }
        assertThat(SERVICES.get("dataset-service").path("image").asText()).isEqualTo("pinch/dataset-service:0.1.0");
        assertThat(SERVICES.get("trainer-service").path("image").asText()).isEqualTo("pinch/trainer-service:0.1.0");
        assertThat(SERVICES.get("evaluator-service").path("image").asText()).isEqualTo("pinch/evaluator-service:0.1.0");
        assertThat(services(GPU_OVERRIDE).get("trainer-service").path("image").asText())
                .isEqualTo("pinch/trainer-service:0.1.0-cuda");
        JsonNode gpu = services(GPU_OVERRIDE).get("trainer-service").path("deploy").path("resources")
                .path("reservations").path("devices").path(0);
        assertThat(gpu.path("driver").asText()).isEqualTo("nvidia");
        assertThat(gpu.path("capabilities").toString()).contains("gpu");
    }

    @Test
    void serviceDockerfilesCopyOnlyWhatTheBuildContextSendsAndRunAsNonRoot() throws IOException {
        List<String> reincluded = Files.readAllLines(ROOT.resolve(".dockerignore")).stream().map(String::trim)
                .filter(l -> l.startsWith("!")).map(l -> l.substring(1).replaceAll("/+$", "")).toList();
        Map<Path, String> dockerfiles = new TreeMap<>();
        for (Path file : List.of(COMPOSE, GPU_OVERRIDE)) {
            services(file).values().forEach(s -> module(s).ifPresent(m ->
                    dockerfiles.put(ROOT.resolve(s.path("build").path("dockerfile").asText()), m)));
        }
        assertThat(dockerfiles).hasSize(4);
        for (Map.Entry<Path, String> e : dockerfiles.entrySet()) {
            String text = Files.readString(e.getKey());
            String what = ROOT.relativize(e.getKey()).toString();
            Matcher copy = Pattern.compile("(?m)^COPY\\s+(?!--from)(?:--\\S+\\s+)*(\\S+)\\s+\\S+\\s*$").matcher(text);
            int copies = 0;
            while (copy.find()) {
                copies++;
                String source = copy.group(1);
                assertThat(reincluded).as("%s copies %s, which .dockerignore does not send", what, source)
                        .anyMatch(prefix -> source.startsWith(prefix + "/"));
                assertThat(source).as("%s copies from another module", what).startsWith(e.getValue() + "/target/quarkus-app/");
            }
            assertThat(copies).as("%s: COPY lines", what).isEqualTo(4);
            assertThat(text).as("%s: EXPOSE", what).containsPattern("(?m)^EXPOSE " + Repo.httpPort(e.getValue()) + "$");
            Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(text);
            String lastUser = null;
            while (user.find()) {
                lastUser = user.group(1);
            }
            assertThat(lastUser).as("%s: USER", what).isNotNull().isNotIn("root", "0");
            assertThat(text).as("%s: JAVA_OPTS", what).contains("--sun-misc-unsafe-memory-access=allow");
            assertThat(text).as("%s: installs curl for the healthcheck", what).containsPattern("apt-get install[^\\n]*curl");
        }
        String cuda = Files.readString(ROOT.resolve("trainer-service/src/main/docker/Dockerfile.cuda"));
        assertThat(cuda).contains("nvidia/cuda:12.8", "eclipse-temurin:25", "2.7.1%2Bcu128",
                "PYTORCH_LIBRARY_PATH=", "PYTORCH_VERSION=2.7.1", "PYTORCH_FLAVOR=cu128");
    }

    @Test
    void everyBindMountedHostPathExistsAndNamedVolumesAreDeclared() {
        Set<String> declared = new TreeSet<>();
        Repo.yaml(COMPOSE).path("volumes").fieldNames().forEachRemaining(declared::add);
        SERVICES.forEach((name, service) -> {
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.isObject() ? volume.path("source").asText() : volume.asText().split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    assertThat(ROOT.resolve(source).normalize()).as("bind mount of %s", name).exists();
                } else {
                    assertThat(declared).as("named volume %s of %s", source, name).contains(source);
                }
            }
        });
    }

    @Test
    void longRunningServicesHaveHealthchecksAndDependenciesWaitForThem() {
        SERVICES.forEach((name, service) -> {
            if (oneShot(service)) {
                assertThat(service.has("healthcheck")).as("one-shot job %s has a healthcheck", name).isFalse();
            } else {
                assertThat(healthcheck(service)).as("healthcheck of long-running service %s", name).isNotBlank();
            }
            service.path("depends_on").fields().forEachRemaining(dep -> {
                JsonNode target = SERVICES.get(dep.getKey());
                assertThat(target).as("%s depends on unknown service %s", name, dep.getKey()).isNotNull();
                String condition = dep.getValue().path("condition").asText("");
                switch (condition) {
                    case "service_healthy" -> assertThat(target.has("healthcheck"))
                            .as("%s waits for %s to be healthy, which has no healthcheck", name, dep.getKey()).isTrue();
                    case "service_completed_successfully" -> assertThat(oneShot(target))
                            .as("%s waits for %s to complete, which is not a one-shot job (restart: \"no\")", name,
                                    dep.getKey()).isTrue();
                    default -> throw new AssertionError(name + " depends on " + dep.getKey()
                            + " without condition service_healthy or service_completed_successfully");
                }
            });
        });
        assertThat(SERVICES.values().stream().filter(ComposeFileTest::oneShot).count()).isEqualTo(2);
    }

    @Test
    void publishedPortsAreUniqueAndServicesListenWhereComposeSays() {
        Map<Integer, String> published = new HashMap<>();
        SERVICES.forEach((name, service) -> ports(service).values().stream().filter(p -> p != null).forEach(p ->
                assertThat(published.put(p, name)).as("host port %d published twice", p).isNull()));
        SERVICES.forEach((name, service) -> module(service).ifPresent(module -> {
            int port = Repo.httpPort(module);
            assertThat(ports(service)).as("container ports of %s (quarkus.http.port=%d)", name, port)
                    .containsOnlyKeys(port);
            assertThat(healthcheck(service)).as("healthcheck of %s", name)
                    .contains("localhost:" + port + "/q/health/ready");
        }));
    }

    @Test
    void everyEnvironmentVariableOfAPinchServiceMapsToARealConfigKey() {
        List<String> problems = new ArrayList<>();
        for (Path file : List.of(COMPOSE, GPU_OVERRIDE)) {
            services(file).forEach((name, service) -> module(service).ifPresent(module ->
                    problems.addAll(ServiceConfigKeys.of(ROOT, module).unknown(name, environmentNames(service)))));
        }
        assertThat(problems).as("environment variables that set nothing").isEmpty();
        for (String module : Repo.SERVICES) {
            assertThat(environmentNames(SERVICES.get(module))).contains("KAFKA_BOOTSTRAP_SERVERS", "PINCH_STORE_ROOT",
                    "PINCH_STORE_S3_ENDPOINT", "PINCH_STORE_S3_ACCESS_KEY_ID", "PINCH_STORE_S3_SECRET_ACCESS_KEY",
                    "PINCH_STORE_S3_PATH_STYLE_ACCESS", "PINCH_STORE_S3_REGION");
        }
    }

    @Test
    void writeApisNeedTheOperatorsTokenWhichHasNoDefault() {
        for (String module : Repo.SERVICES) {
            JsonNode env = SERVICES.get(module).path("environment");
            assertThat(env.path("PINCH_API_AUTH").asText()).as("%s: PINCH_API_AUTH", module).isEqualTo("true");
            assertThat(env.path("PINCH_API_TOKEN").asText()).as("%s: PINCH_API_TOKEN", module)
                    .startsWith("${PINCH_API_TOKEN:?").doesNotContain(":-");
        }
    }

    @Test
    void kafkaInitCreatesEveryTopicWithItsPartitionsAndRetention() {
        JsonNode init = SERVICES.get("kafka-init");
        assertThat(init.path("image").asText()).isEqualTo(SERVICES.get("kafka").path("image").asText());
        StringBuilder text = new StringBuilder();
        JsonNode command = init.path("command");
        if (command.isArray()) {
            command.forEach(c -> text.append(c.asText()).append('\n'));
        } else {
            text.append(command.asText());
        }
        Map<String, String> created = new TreeMap<>();
        Matcher m = TOPIC_LINE.matcher(text);
        while (m.find()) {
            created.put(m.group(1), m.group(2) + " partitions, retention.ms=" + m.group(3));
        }
        Map<String, String> expected = Topics.all().stream().collect(Collectors.toMap(Topics.TopicSpec::name,
                t -> t.partitions() + " partitions, retention.ms=" + t.retention().toMillis(), (a, b) -> a, TreeMap::new));
        assertThat(created).isEqualTo(expected);
        assertThat(text.toString()).contains("/opt/kafka/bin/kafka-topics.sh", "--if-not-exists");
        assertThat(SERVICES.get("kafka").path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText())
                .isEqualTo("false");
        assertThat(SERVICES.get("minio-init").path("command").toString()).contains("mb --ignore-existing pinch/pinch-artifacts");
    }

    @Test
    void prometheusScrapesEveryPinchServiceWhereItServesMetrics() {
        JsonNode config = Repo.yaml(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, String> scraped = new TreeMap<>();
        for (JsonNode job : config.path("scrape_configs")) {
            for (JsonNode sc : job.path("static_configs")) {
                for (JsonNode target : sc.path("targets")) {
                    URI uri = URI.create("http://" + target.asText());
                    JsonNode service = SERVICES.get(uri.getHost());
                    assertThat(service).as("scrape target %s is not a compose service", target.asText()).isNotNull();
                    String module = module(service).orElseThrow(() ->
                            new AssertionError("scrape target " + target.asText() + " is not a Pinch service"));
                    assertThat(uri.getPort()).as("port of scrape target %s", target.asText())
                            .isEqualTo(Repo.httpPort(module));
                    assertThat(job.path("metrics_path").asText("/metrics")).as("metrics_path of %s", module)
                            .isEqualTo(Repo.applicationProperties(module)
                                    .getProperty("quarkus.micrometer.export.prometheus.path"));
                    scraped.put(module, job.path("job_name").asText());
                }
            }
        }
        assertThat(scraped.keySet()).containsExactlyInAnyOrderElementsOf(Repo.SERVICES);
        assertThat(scraped).allSatisfy((module, job) -> assertThat(job).isEqualTo(module));
    }

    @Test
    void grafanaProvisioningIsMountedAndPointsAtExistingFiles() {
        JsonNode grafana = SERVICES.get("grafana");
        Map<String, Path> mounts = new TreeMap<>();
        for (JsonNode volume : grafana.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[0].startsWith(".")) {
                mounts.put(parts[1], ROOT.resolve(parts[0]).normalize());
            }
        }
        Path provisioning = mounts.get("/etc/grafana/provisioning");
        assertThat(provisioning).as("provisioning mount").isNotNull();
        assertThat(provisioning.resolve("datasources")).isDirectory();
        assertThat(provisioning.resolve("dashboards")).isDirectory();

        JsonNode datasource = Repo.yaml(provisioning.resolve("datasources/prometheus.yml")).path("datasources").path(0);
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        URI url = URI.create(datasource.path("url").asText());
        assertThat(SERVICES).as("datasource host").containsKey(url.getHost());
        assertThat(ports(SERVICES.get(url.getHost()))).as("datasource port").containsKey(url.getPort());

        JsonNode provider = Repo.yaml(provisioning.resolve("dashboards/pinch.yml")).path("providers").path(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        Path dashboards = mounts.get(provider.path("options").path("path").asText());
        assertThat(dashboards).as("mount of the dashboard provider's path").isNotNull()
                .isEqualTo(ROOT.resolve("deploy/grafana/dashboards"));
        assertThat(DashboardQueries.dashboards(dashboards)).isNotEmpty();
    }
}
