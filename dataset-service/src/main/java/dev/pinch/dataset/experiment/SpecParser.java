package dev.pinch.dataset.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pinch.dataset.domain.ExperimentSpec;
import dev.pinch.events.Violation;
import dev.pinch.support.problem.JsonPaths;
import java.util.List;

/**
 * Reads an experiment spec from JSON or YAML. Unknown fields are errors, so a typo such as
 * {@code percent} for {@code percents} is reported instead of silently ignored; so are a spec over
 * {@code pinch.dataset.max-spec-bytes} and nesting deeper than {@code pinch.dataset.max-json-depth}.
 */
public final class SpecParser {

    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

    private SpecParser() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        // a key given twice, or a fraction where a count belongs, is an error, never "the last one wins" or rounding
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Parses JSON, or YAML when {@code yaml} is true, within the default limits (1 MiB, depth 32). */
    public static ExperimentSpec parse(String body, boolean yaml) {
        return parse(body, yaml, 1 << 20, 32);
    }

    /** Parses JSON, or YAML when {@code yaml} is true: at most {@code maxBytes} UTF-8 bytes and {@code maxDepth} levels. */
    public static ExperimentSpec parse(String body, boolean yaml, int maxBytes, int maxDepth) {
        if (body == null || body.isBlank()) {
            throw new SpecViolationException(List.of(new Violation("body", "is empty: expected an experiment spec")));
        }
        if (body.length() > maxBytes || body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBytes) {
            throw new SpecViolationException(List.of(new Violation("body", "is larger than " + maxBytes
                    + " bytes (pinch.dataset.max-spec-bytes)")));
        }
        ObjectMapper mapper = yaml ? YAML : JSON;
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SpecViolationException(List.of(new Violation("body",
                    "malformed " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage() + where(e.getLocation()))));
        }
        if (depth(tree) > maxDepth) {
            throw new SpecViolationException(List.of(new Violation("body", "nests objects and arrays deeper than "
                    + maxDepth + " levels (pinch.dataset.max-json-depth)")));
        }
        try {
            ExperimentSpec spec = tree == null || tree.isMissingNode() ? null : mapper.treeToValue(tree, ExperimentSpec.class);
            if (spec == null) {
                throw new SpecViolationException(List.of(new Violation("body", "is empty: expected an experiment spec")));
            }
            return spec;
        } catch (UnrecognizedPropertyException e) {
            throw new SpecViolationException(List.of(new Violation(JsonPaths.path(e),
                    "unknown field '" + e.getPropertyName() + "'; known fields: " + e.getKnownPropertyIds())));
        } catch (JsonMappingException e) {
            throw new SpecViolationException(List.of(new Violation(JsonPaths.fieldOrBody(e), e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new SpecViolationException(List.of(new Violation("body", e.getOriginalMessage())));
        }
    }

    private static int depth(com.fasterxml.jackson.databind.JsonNode node) {
        int deepest = 0;
        if (node != null && node.isContainerNode()) {
            for (var child : node) {
                deepest = Math.max(deepest, depth(child));
            }
            return deepest + 1;
        }
        return 0;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
