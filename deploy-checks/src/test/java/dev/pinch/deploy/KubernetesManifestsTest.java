package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.deploy.Manifests.Doc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every document of every k8s/*.yaml against its JSON schema in k8s/schemas (see {@link ManifestSchemaValidator}),
 * and proof that the validator does catch errors.
 */
class KubernetesManifestsTest {

    private static final Path SCHEMAS = Manifests.k8sDir().resolve("schemas");
    private static final ManifestSchemaValidator VALIDATOR = new ManifestSchemaValidator(SCHEMAS);

    @Test
    void everyDocumentIsValidAgainstItsSchema() {
        List<Doc> docs = Manifests.all();
        assertThat(docs).hasSizeGreaterThan(20);
        List<String> errors = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        for (Doc d : docs) {
            kinds.add(d.apiVersion() + " " + d.kind());
            VALIDATOR.validate(d.node()).forEach(e -> errors.add(d + ": " + e));
        }
        assertThat(errors).as("schema violations (a kind without a shipped schema is one too)").isEmpty();
        assertThat(kinds).contains("apps/v1 Deployment", "v1 Service", "v1 ConfigMap", "v1 Secret",
                "kafka.strimzi.io/v1beta2 Kafka", "kafka.strimzi.io/v1beta2 KafkaNodePool",
                "kafka.strimzi.io/v1beta2 KafkaTopic", "keda.sh/v1alpha1 ScaledObject",
                "monitoring.coreos.com/v1 ServiceMonitor", "kafka.strimzi.io/v1beta2 KafkaUser",
                "keda.sh/v1alpha1 TriggerAuthentication", "networking.k8s.io/v1 NetworkPolicy");
    }

    @Test
    void kustomizationListsEveryManifest() {
        JsonNode k = Manifests.read(Manifests.k8sDir().resolve(Manifests.KUSTOMIZATION)).getFirst().node();
        assertThat(k.path("namespace").asText()).isEqualTo("pinch");
        Set<String> listed = new TreeSet<>();
        k.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = new TreeSet<>();
        Manifests.manifestFiles().forEach(f -> files.add(f.getFileName().toString()));
        assertThat(listed).isEqualTo(files);
    }

    @Test
    void everyObjectIsInNamespacePinch() {
        for (Doc d : Manifests.all()) {
            if (d.kind().equals("Namespace")) {
                assertThat(d.name()).isEqualTo("pinch");
            } else {
                assertThat(d.node().path("metadata").path("namespace").asText()).as(d.toString()).isEqualTo("pinch");
            }
        }
    }

    // --- the validator catches errors -------------------------------------------------------------------------

    @Test
    void kafkaTopicWithPartitionsAsStringIsRejected() {
        assertThat(errors("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  partitions: "6"
                  replicas: 3
                """)).singleElement().asString().contains("partitions").contains("integer");
    }

    @Test
    void kafkaTopicWithUnknownSpecFieldIsRejected() {
        assertThat(errors("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  partitions: 6
                  retentionMs: 1000
                """)).singleElement().asString().contains("retentionMs");
    }

    @Test
    void validKafkaTopicPasses() {
        assertThat(errors("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  partitions: 6
                  replicas: 3
                  config:
                    retention.ms: 1000
                """)).isEmpty();
    }

    @Test
    void scaledObjectWithoutTriggersOrWithBadReplicaCountIsRejected() {
        assertThat(errors("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: s
                spec:
                  scaleTargetRef:
                    name: trainer-service
                  maxReplicaCount: six
                """)).anySatisfy(e -> assertThat(e).contains("triggers"))
                .anySatisfy(e -> assertThat(e).contains("maxReplicaCount"));
    }

    @Test
    void unknownMetadataFieldIsRejected() {
        assertThat(errors("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: pinch
                  lables:
                    a: b
                """)).singleElement().asString().contains("lables");
    }

    @Test
    void kindWithoutSchemaIsAnErrorNotASkip() {
        assertThat(errors("""
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                """)).singleElement().asString().contains("no schema for example.com/v1 Widget");
        assertThat(errors("""
                metadata:
                  name: w
                """)).singleElement().asString().contains("apiVersion and kind are required");
    }

    @Test
    void deploymentWithReplicasAsStringIsRejected() {
        assertThat(errors(deployment("replicas: \"two\"", "image: pinch/x:1"))).anySatisfy(e ->
                assertThat(e).contains("replicas"));
    }

    @Test
    void unknownContainerFieldIsRejected() {
        assertThat(errors(deployment("replicas: 2", "imagePullPolicyy: Always"))).anySatisfy(e ->
                assertThat(e).contains("imagePullPolicyy"));
        assertThat(errors(deployment("replicas: 2", "image: pinch/x:1"))).isEmpty();
    }

    private static String deployment(String replicas, String containerField) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                spec:
                  %s
                  selector:
                    matchLabels:
                      app: d
                  template:
                    metadata:
                      labels:
                        app: d
                    spec:
                      containers:
                        - name: d
                          %s
                """.formatted(replicas, containerField);
    }

    private static List<String> errors(String yaml) {
        List<Doc> docs = Manifests.parse(yaml, Path.of("inline.yaml"));
        assertThat(docs).hasSize(1);
        return VALIDATOR.validate(docs.getFirst().node());
    }
}
