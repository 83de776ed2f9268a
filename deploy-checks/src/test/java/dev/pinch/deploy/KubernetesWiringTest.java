package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.deploy.Manifests.Doc;
import dev.pinch.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The k8s/ manifests against the code: topics, consumer groups, config keys, probes, the dashboards ConfigMap. */
class KubernetesWiringTest {

    private static final List<String> SERVICES = List.of("dataset-service", "trainer-service", "evaluator-service");

    @Test
    void everyTopicAndItsDlqHasAKafkaTopicWithTheSamePartitionsAndRetention() {
        Map<String, JsonNode> specs = new TreeMap<>();
        for (Doc d : Manifests.ofKind("KafkaTopic")) {
            String name = d.node().path("spec").path("topicName").asText(d.name());
            assertThat(d.name()).as("metadata.name of topic " + name).isEqualTo(name);
            assertThat(d.node().path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo("pinch-kafka");
            specs.put(name, d.node().path("spec"));
        }
        Map<String, Integer> expected = new TreeMap<>();
        for (Topics.TopicSpec t : Topics.all()) {
            expected.put(t.name(), t.partitions());
            JsonNode spec = specs.get(t.name());
            assertThat(spec).as("KafkaTopic for " + t.name()).isNotNull();
            assertThat(spec.path("config").path("retention.ms").asLong()).as(t.name() + " retention.ms")
                    .isEqualTo(t.retention().toMillis());
            assertThat(spec.path("replicas").asInt()).as(t.name() + " replicas").isBetween(1, brokers());
        }
        Map<String, Integer> actual = new TreeMap<>();
        specs.forEach((n, s) -> actual.put(n, s.path("partitions").asInt()));
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).containsKeys(Topics.MIXES, Topics.dlq(Topics.MIXES));
    }

    @Test
    void scaledObjectsUseTheServicesRealConsumerGroupsAndStayWithinThePartitions() {
        Map<String, Integer> partitions = new HashMap<>();
        Topics.all().forEach(t -> partitions.put(t.name(), t.partitions()));
        String bootstrap = configMap("pinch-common").path("KAFKA_BOOTSTRAP_SERVERS").asText();
        assertThat(bootstrap).isEqualTo("pinch-kafka-kafka-bootstrap:9092");
        Map<String, String> expectedTopic = Map.of("trainer-service", Topics.MIXES,
                "evaluator-service", Topics.CHECKPOINTS);
        assertThat(Manifests.ofKind("ScaledObject")).extracting(Doc::name)
                .containsExactlyInAnyOrderElementsOf(expectedTopic.keySet());
        for (Doc so : Manifests.ofKind("ScaledObject")) {
            String service = so.node().path("spec").path("scaleTargetRef").path("name").asText();
            Manifests.named("Deployment", service);
            Properties props = applicationProperties(service);
            JsonNode spec = so.node().path("spec");
            for (JsonNode trigger : spec.path("triggers")) {
                assertThat(trigger.path("type").asText()).isEqualTo("kafka");
                JsonNode m = trigger.path("metadata");
                String topic = m.path("topic").asText();
                assertThat(topic).isEqualTo(expectedTopic.get(service));
                assertThat(m.path("consumerGroup").asText()).as(service + " group.id of " + topic)
                        .isEqualTo(groupIdOf(props, topic));
                assertThat(m.path("bootstrapServers").asText()).isEqualTo(bootstrap);
                assertThat(spec.path("maxReplicaCount").asInt()).as(service + " replicas <= partitions of " + topic)
                        .isLessThanOrEqualTo(partitions.get(topic));
            }
        }
    }

    @Test
    void configMapKeysAreTheServicesRealConfigKeys() {
        Path root = Manifests.repoRoot();
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            ServiceConfigKeys keys = ServiceConfigKeys.of(root, service);
            Doc deployment = Manifests.named("Deployment", service);
            for (JsonNode c : deployment.node().path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode from : c.path("envFrom")) {
                    String cm = from.path("configMapRef").path("name").asText(null);
                    String secret = from.path("secretRef").path("name").asText(null);
                    JsonNode data = cm != null ? configMap(cm)
                            : Manifests.named("Secret", secret).node().path("stringData");
                    data.fieldNames().forEachRemaining(k -> {
                        boolean judgeKey = "pinch-llm-judge".equals(secret);
                        if (!judgeKey && !keys.accepts(k)) {
                            problems.add(service + ": " + (cm != null ? "ConfigMap " + cm : "Secret " + secret)
                                    + " sets " + k + ", which is no config key of the service");
                        }
                    });
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The judge's key is no config key: the evaluator's judge names the variable that holds it (api-key-env), fed
     * from the Secret; the dataset-service offers exactly the evaluator's judges; nothing mounts the key as a file.
     */
    @Test
    void theOperatorsJudgesAreTheSameOnBothServicesAndTheirKeyComesFromTheSecret() {
        JsonNode secret = Manifests.named("Secret", "pinch-llm-judge").node();
        assertThat(secret.path("stringData").has("PINCH_JUDGE_API_KEY")).isTrue();
        JsonNode evaluator = configMap("evaluator-service");
        assertThat(evaluator.path("PINCH_EVALUATOR_JUDGES_QWEN_API_KEY_ENV").asText()).isEqualTo("PINCH_JUDGE_API_KEY");
        java.util.Set<String> judges = new java.util.TreeSet<>();
        evaluator.fieldNames().forEachRemaining(k -> {
            var m = java.util.regex.Pattern.compile("PINCH_EVALUATOR_JUDGES_([A-Z0-9]+)_BASE_URL").matcher(k);
            if (m.matches()) {
                judges.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        });
        assertThat(judges).isNotEmpty();
        assertThat(List.of(configMap("dataset-service").path("PINCH_DATASET_JUDGES").asText().split(",")))
                .containsExactlyInAnyOrderElementsOf(judges);
        JsonNode pod = Manifests.named("Deployment", "evaluator-service").node().path("spec").path("template")
                .path("spec");
        assertThat(pod.path("containers").get(0).path("envFrom").toString()).contains("pinch-llm-judge");
        assertThat(pod.path("volumes").toString()).doesNotContain("pinch-llm-judge");
    }

    @Test
    void deploymentsProbeHealthAndAreScrapedOnTheirPorts() {
        for (String service : SERVICES) {
            int port = Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port").trim());
            JsonNode pod = Manifests.named("Deployment", service).node().path("spec").path("template");
            JsonNode ann = pod.path("metadata").path("annotations");
            assertThat(ann.path("prometheus.io/scrape").asText()).isEqualTo("true");
            assertThat(ann.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
            assertThat(ann.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(port));
            JsonNode c = pod.path("spec").path("containers").get(0);
            assertThat(c.path("ports").get(0).path("containerPort").asInt()).isEqualTo(port);
            assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(c.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
            assertThat(c.path("resources").path("requests").isObject()).isTrue();
            assertThat(c.path("resources").path("limits").isObject()).isTrue();
            JsonNode svc = Manifests.named("Service", service).node().path("spec");
            assertThat(svc.path("ports").get(0).path("port").asInt()).isEqualTo(port);
        }
        JsonNode trainer = Manifests.named("Deployment", "trainer-service").node().path("spec").path("template")
                .path("spec");
        assertThat(trainer.path("containers").get(0).path("resources").path("limits").path("nvidia.com/gpu").asInt())
                .isEqualTo(1);
        assertThat(trainer.path("terminationGracePeriodSeconds").asInt()).isGreaterThan(
                (int) java.time.Duration.parse(configMap("trainer-service").path("PINCH_TRAINER_SHUTDOWN_GRACE")
                        .asText()).toSeconds());
    }

    @Test
    void dashboardsConfigMapIsWhatTheGeneratorRendersFromTheDashboards() throws Exception {
        Path k8s = Manifests.k8sDir();
        Process p = new ProcessBuilder("bash", k8s.resolve("generate-dashboards-configmap").toString(), "--stdout")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String rendered = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(k8s.resolve("grafana-dashboards.yaml")))
                .as("k8s/grafana-dashboards.yaml is stale: run k8s/generate-dashboards-configmap")
                .isEqualTo(rendered);
        // and its values are the dashboards, byte for byte
        Doc cm = Manifests.named("ConfigMap", "pinch-grafana-dashboards");
        assertThat(cm.node().path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        Path dir = Manifests.repoRoot().resolve("deploy/grafana/dashboards");
        Map<String, String> files = new TreeMap<>();
        try (var s = Files.list(dir)) {
            for (Path f : s.filter(f -> f.toString().endsWith(".json")).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        Map<String, String> data = new TreeMap<>();
        cm.node().path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        assertThat(data).isEqualTo(files).isNotEmpty();
    }

    private static int brokers() {
        return Manifests.ofKind("KafkaNodePool").stream()
                .filter(d -> d.node().path("spec").path("roles").toString().contains("broker"))
                .mapToInt(d -> d.node().path("spec").path("replicas").asInt()).sum();
    }

    private static JsonNode configMap(String name) {
        return Manifests.named("ConfigMap", name).node().path("data");
    }

    private static Properties applicationProperties(String module) {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(Manifests.repoRoot().resolve(module)
                .resolve("src/main/resources/application.properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return props;
    }

    /** The group.id of the incoming channel that reads {@code topic}. */
    private static String groupIdOf(Properties props, String topic) {
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")
                    && props.getProperty(key).trim().equals(topic)) {
                String channel = key.substring(0, key.length() - ".topic".length());
                String group = props.getProperty(channel + ".group.id");
                return group != null ? group.trim() : props.getProperty("quarkus.application.name").trim();
            }
        }
        throw new AssertionError("no incoming channel reads " + topic);
    }
}
