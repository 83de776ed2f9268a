package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.deploy.Manifests.Doc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who reaches the services on k8s: a NetworkPolicy admits only the intended callers to their one port, Kafka's
 * listener admits only the services and KEDA, and the write APIs need the API token from its Secret.
 */
class ApiAccessTest {

    private static final List<String> SERVICES = List.of("dataset-service", "trainer-service", "evaluator-service");

    @Test
    void theServicesAdmitOnlyLabelledCallersOnTheirHttpPort() {
        Doc policy = Manifests.named("NetworkPolicy", "pinch-services");
        JsonNode spec = policy.node().path("spec");
        assertThat(spec.path("policyTypes").toString()).isEqualTo("[\"Ingress\"]");
        assertThat(selected(spec.path("podSelector"))).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String service : SERVICES) {
            JsonNode pod = Manifests.named("Deployment", service).node().path("spec").path("template");
            assertThat(pod.path("metadata").path("labels").path("app.kubernetes.io/name").asText()).isEqualTo(service);
            assertThat(pod.path("spec").path("containers").get(0).path("ports").findValuesAsText("name"))
                    .containsExactly("http");
        }
        List<String> peers = new ArrayList<>();
        for (JsonNode rule : spec.path("ingress")) {
            assertThat(rule.path("ports").toString()).as("only the http port")
                    .isEqualTo("[{\"port\":\"http\",\"protocol\":\"TCP\"}]");
            assertThat(rule.path("from")).as("a rule without from admits everyone").isNotEmpty();
            rule.path("from").forEach(peer -> {
                assertThat(peer.has("ipBlock")).as("no address ranges").isFalse();
                peers.add(peer.toString());
            });
        }
        assertThat(peers).containsExactlyInAnyOrder(
                "{\"podSelector\":{\"matchLabels\":{\"pinch.dev/api-client\":\"true\"}}}",
                "{\"namespaceSelector\":{\"matchLabels\":{\"pinch.dev/api-client\":\"true\"}}}",
                "{\"namespaceSelector\":{\"matchLabels\":{\"pinch.dev/metrics\":\"true\"}}}");
    }

    @Test
    void kafkaAdmitsOnlyTheServicesAndKeda() {
        JsonNode listeners = Manifests.named("Kafka", "pinch-kafka").node().path("spec").path("kafka")
                .path("listeners");
        for (JsonNode listener : listeners) {
            JsonNode peers = listener.path("networkPolicyPeers");
            assertThat(peers).as("listener " + listener.path("name")).hasSize(2);
            assertThat(selected(peers.get(0).path("podSelector"))).containsExactlyInAnyOrderElementsOf(SERVICES);
            assertThat(peers.get(1).path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name")
                    .asText()).isEqualTo("keda");
        }
    }

    @Test
    void writeApisNeedTheTokenFromItsSecret() {
        JsonNode common = Manifests.named("ConfigMap", "pinch-common").node().path("data");
        assertThat(common.path("PINCH_API_AUTH").asText()).isEqualTo("true");
        assertThat(Manifests.named("Secret", "pinch-api-token").node().path("stringData").has("PINCH_API_TOKEN"))
                .isTrue();
        for (String service : SERVICES) {
            JsonNode container = Manifests.named("Deployment", service).node().path("spec").path("template")
                    .path("spec").path("containers").get(0);
            assertThat(container.path("envFrom").findValuesAsText("name")).as(service)
                    .contains("pinch-common", "pinch-api-token");
        }
    }

    @Test
    void theShippedSchemaRejectsAMisspeltPolicyField() {
        String policy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: p
                spec:
                  podSelector: {}
                  %s:
                    - from: [{podSelector: {}}]
                """;
        ManifestSchemaValidator validator = new ManifestSchemaValidator(Manifests.k8sDir().resolve("schemas"));
        assertThat(validator.validate(Manifests.parse(policy.formatted("ingress"), java.nio.file.Path.of("p.yaml"))
                .getFirst().node())).isEmpty();
        assertThat(validator.validate(Manifests.parse(policy.formatted("ingres"), java.nio.file.Path.of("p.yaml"))
                .getFirst().node())).singleElement().asString().contains("ingres");
    }

    @Test
    void theShippedSchemaRejectsAMisspeltAclOperation() {
        String user = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata:
                  name: u
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: t, patternType: literal}
                        operations: [%s]
                """;
        ManifestSchemaValidator validator = new ManifestSchemaValidator(Manifests.k8sDir().resolve("schemas"));
        assertThat(validator.validate(Manifests.parse(user.formatted("Write"), java.nio.file.Path.of("u.yaml"))
                .getFirst().node())).isEmpty();
        assertThat(validator.validate(Manifests.parse(user.formatted("Writes"), java.nio.file.Path.of("u.yaml"))
                .getFirst().node())).isNotEmpty();
    }

    /** The app.kubernetes.io/name values a selector picks (one In expression, or matchLabels). */
    private static List<String> selected(JsonNode selector) {
        List<String> names = new ArrayList<>();
        for (JsonNode e : selector.path("matchExpressions")) {
            assertThat(e.path("key").asText()).isEqualTo("app.kubernetes.io/name");
            assertThat(e.path("operator").asText()).isEqualTo("In");
            e.path("values").forEach(v -> names.add(v.asText()));
        }
        JsonNode label = selector.path("matchLabels").path("app.kubernetes.io/name");
        if (!label.isMissingNode()) {
            names.add(label.asText());
        }
        return names;
    }
}
