package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.deploy.Manifests.Doc;
import dev.pinch.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Kafka cluster admits only its KafkaUsers, and each may do only what its service does: the ACLs of every
 * service's KafkaUser are derived here from the service's Kafka channels (application.properties) and must match
 * exactly, KEDA's user may only describe what the ScaledObjects watch, and each Deployment signs in as its own user.
 */
class KafkaAccessTest {

    private static final List<String> SERVICES = List.of("dataset-service", "trainer-service", "evaluator-service");
    private static final Set<String> TOPICS = Topics.all().stream().map(Topics.TopicSpec::name)
            .collect(Collectors.toSet());

    @Test
    void theClusterAuthenticatesEveryClientAndAuthorizesByAcl() {
        JsonNode kafka = Manifests.named("Kafka", "pinch-kafka").node().path("spec");
        assertThat(kafka.path("kafka").path("listeners")).allSatisfy(l -> assertThat(l.path("authentication")
                .path("type").asText()).as("listener " + l.path("name")).isEqualTo("scram-sha-512"));
        assertThat(kafka.path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("entityOperator").has("userOperator")).isTrue();
        assertThat(Manifests.ofKind("KafkaUser")).extracting(Doc::name)
                .containsExactlyInAnyOrder("dataset-service", "trainer-service", "evaluator-service", "keda");
        for (Doc user : Manifests.ofKind("KafkaUser")) {
            assertThat(user.node().path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo("pinch-kafka");
            assertThat(user.node().path("spec").path("authentication").path("type").asText())
                    .isEqualTo("scram-sha-512");
        }
    }

    @Test
    void eachServiceReadsWhatItConsumesAndWritesOnlyWhatItProduces() {
        for (String service : SERVICES) {
            Map<String, Set<String>> expected = channelAcls(applicationProperties(service));
            assertThat(acls(service)).as("ACLs of KafkaUser " + service).isEqualTo(expected);
            expected.keySet().stream().filter(r -> r.startsWith("topic:")).forEach(r ->
                    assertThat(TOPICS).as(service + ": a topic of pipeline-events' Topics").contains(r.substring(6)));
        }
    }

    @Test
    void kedaOnlyDescribesTheTopicsAndGroupsItWatches() {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Doc so : Manifests.ofKind("ScaledObject")) {
            for (JsonNode trigger : so.node().path("spec").path("triggers")) {
                expected.put("topic:" + trigger.path("metadata").path("topic").asText(), Set.of("Describe"));
                expected.put("group:" + trigger.path("metadata").path("consumerGroup").asText(), Set.of("Describe"));
                String auth = trigger.path("authenticationRef").path("name").asText();
                JsonNode refs = Manifests.named("TriggerAuthentication", auth).node().path("spec")
                        .path("secretTargetRef");
                for (JsonNode ref : refs) {
                    assertThat(Manifests.named("Secret", ref.path("name").asText()).node().path("stringData")
                            .has(ref.path("key").asText())).as(auth + " " + ref).isTrue();
                }
                assertThat(refs.findValuesAsText("parameter")).containsExactlyInAnyOrder("sasl", "username",
                        "password");
            }
        }
        assertThat(acls("keda")).isEqualTo(expected);
        JsonNode secret = Manifests.named("Secret", "pinch-keda-kafka").node().path("stringData");
        assertThat(secret.path("username").asText()).isEqualTo("keda");
        assertThat(secret.path("sasl").asText()).isEqualTo("scram_sha512");
        assertThat(Manifests.named("KafkaUser", "keda").node().path("spec").path("authentication").path("password")
                .path("valueFrom").path("secretKeyRef").path("name").asText()).isEqualTo("pinch-keda-kafka");
    }

    @Test
    void eachDeploymentSignsInAsItsOwnUser() {
        JsonNode common = Manifests.named("ConfigMap", "pinch-common").node().path("data");
        assertThat(common.path("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_PLAINTEXT");
        assertThat(common.path("KAFKA_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");
        for (String service : SERVICES) {
            ServiceConfigKeys keys = ServiceConfigKeys.of(Manifests.repoRoot(), service);
            JsonNode container = Manifests.named("Deployment", service).node().path("spec").path("template")
                    .path("spec").path("containers").get(0);
            Map<String, JsonNode> env = new TreeMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
            env.keySet().forEach(name -> assertThat(keys.accepts(name)).as(service + " env " + name).isTrue());
            JsonNode jaas = env.get("KAFKA_SASL_JAAS_CONFIG").path("valueFrom").path("secretKeyRef");
            assertThat(jaas.path("name").asText()).as(service + ": the Secret of its KafkaUser").isEqualTo(service);
            assertThat(jaas.path("key").asText()).isEqualTo("sasl.jaas.config");
        }
    }

    /** {@code topic:<name>} or {@code group:<name>} → operations, from one KafkaUser. */
    private static Map<String, Set<String>> acls(String user) {
        JsonNode authorization = Manifests.named("KafkaUser", user).node().path("spec").path("authorization");
        assertThat(authorization.path("type").asText()).isEqualTo("simple");
        Map<String, Set<String>> acls = new TreeMap<>();
        for (JsonNode acl : authorization.path("acls")) {
            JsonNode resource = acl.path("resource");
            assertThat(resource.path("patternType").asText("literal")).as(user + " " + acl).isEqualTo("literal");
            assertThat(acl.path("type").asText("allow")).as(user + " " + acl).isEqualTo("allow");
            Set<String> operations = acls.computeIfAbsent(resource.path("type").asText() + ":"
                    + resource.path("name").asText(), k -> new TreeSet<>());
            acl.path("operations").forEach(o -> operations.add(o.asText()));
        }
        return acls;
    }

    /** What the service's Kafka channels need: read and describe what it consumes, write what it produces. */
    static Map<String, Set<String>> channelAcls(Properties props) {
        Map<String, Set<String>> acls = new TreeMap<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            if (!key.startsWith("mp.messaging.") || !key.endsWith(".connector")
                    || !"smallrye-kafka".equals(props.getProperty(key).trim())) {
                continue;
            }
            String channel = key.substring(0, key.length() - ".connector".length());
            String topic = props.getProperty(channel + ".topic").trim();
            if (channel.startsWith("mp.messaging.outgoing.")) {
                acls.put("topic:" + topic, Set.of("Describe", "Write"));
                continue;
            }
            acls.put("topic:" + topic, Set.of("Describe", "Read"));
            acls.put("group:" + props.getProperty(channel + ".group.id").trim(), Set.of("Read"));
            if ("dead-letter-queue".equals(props.getProperty(channel + ".failure-strategy", "").trim())) {
                acls.put("topic:" + props.getProperty(channel + ".dead-letter-queue.topic").trim(),
                        Set.of("Describe", "Write"));
            }
        }
        return acls;
    }

    private static Properties applicationProperties(String module) {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(Manifests.repoRoot().resolve(module)
                .resolve("src/main/resources/application.properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
