package dev.pinch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates Kubernetes objects the way kubeconform does: the schema is looked up by {@code apiVersion} and
 * {@code kind} among the JSON schemas vendored in {@code k8s/schemas}, and the object is validated against it
 * with a JSON Schema validator (networknt). The vendored schemas are the strict variants (every object schema has
 * {@code additionalProperties: false}), so unknown fields are errors, as with {@code kubeconform -strict}.
 *
 * <p>Schema locations, the two layouts kubeconform reads:
 * <ul>
 *   <li>Kubernetes' own groups (core, {@code apps}, {@code *.k8s.io}): {@code kubernetes/<kind>[-<group>]-<version>.json},
 *       the layout of yannh/kubernetes-json-schema ({@code deployment-apps-v1.json}, {@code service-v1.json});</li>
 *   <li>custom resources: {@code crds/<group>/<kind>_<version>.json}, the layout of datreeio/CRDs-catalog
 *       ({@code crds/kafka.strimzi.io/kafkatopic_v1beta2.json}).</li>
 * </ul>
 * An object whose schema is not there is an error, never skipped.
 */
final class ManifestSchemaValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path schemaRoot;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final Map<Path, JsonSchema> schemas = new ConcurrentHashMap<>();

    ManifestSchemaValidator(Path schemaRoot) {
        this.schemaRoot = schemaRoot;
    }

    /** Where the schema of {@code apiVersion}/{@code kind} is (or would be). */
    Path schemaPath(String apiVersion, String kind) {
        int slash = apiVersion.lastIndexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        String k = kind.toLowerCase(Locale.ROOT);
        if (isKubernetesGroup(group)) {
            String groupPart = group.isEmpty() ? "" : "-" + group.split("\\.")[0];
            return schemaRoot.resolve("kubernetes").resolve(k + groupPart + "-" + version + ".json");
        }
        return schemaRoot.resolve("crds").resolve(group).resolve(k + "_" + version + ".json");
    }

    private static boolean isKubernetesGroup(String group) {
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    /** Whether a schema is vendored for this apiVersion and kind. */
    boolean hasSchema(String apiVersion, String kind) {
        return Files.isRegularFile(schemaPath(apiVersion, kind));
    }

    /**
     * The violations of one object, each as {@code <json path>: <message>}; empty when it is valid. An object
     * without apiVersion or kind, or whose schema is not vendored, gets one violation saying so.
     */
    List<String> validate(JsonNode object) {
        if (object == null || !object.isObject()) {
            return List.of("$: not an object");
        }
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of("$: apiVersion and kind are required");
        }
        Optional<JsonSchema> schema = schema(apiVersion, kind);
        if (schema.isEmpty()) {
            return List.of("$: no schema for " + apiVersion + " " + kind + " (expected "
                    + schemaRoot.relativize(schemaPath(apiVersion, kind)) + ")");
        }
        return schema.get().validate(object).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(m -> m.getMessage())
                .toList();
    }

    private Optional<JsonSchema> schema(String apiVersion, String kind) {
        Path path = schemaPath(apiVersion, kind);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(schemas.computeIfAbsent(path, p -> {
            try {
                JsonNode node = JSON.readTree(p.toFile());
                // yannh's schemas declare "$schema": "http://json-schema.org/schema#" (whatever draft is current),
                // which no validator resolves; like kubeconform, validate them as draft 7 instead.
                if (node instanceof ObjectNode o) {
                    o.remove("$schema");
                }
                return factory.getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + p, e);
            }
        }));
    }
}
