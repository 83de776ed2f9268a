package dev.pinch.evaluator.api;

import dev.pinch.support.problem.InvalidParameterException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinch.evaluator.scoring.ChrF;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /score}: the evaluator's own chrF / chrF++ (sacrebleu 2.x definitions), so users can check the
 * scorer. Body {@code {"metric": "chrf" | "chrf++", "hypotheses": [...], "references": [...]}} (one reference per
 * hypothesis); answer {@code {"metric", "score", "segments"}} with the corpus-level score (0-100). Every invalid
 * request is a 400 whose {@code violations[0].field} names the field.
 */
@Path("/score")
@Tag(name = "scoring")
public class ScoreResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The answer.
     *
     * @param metric   the metric used
     * @param score    corpus-level score, 0-100
     * @param segments number of hypothesis/reference pairs
     */
    public record ScoreResponse(String metric, double score, int segments) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Corpus-level chrF or chrF++ of hypotheses against references (sacrebleu 2.x definitions)")
    public ScoreResponse score(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidParameterException("body", "is required: {metric, hypotheses, references}");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidParameterException("body", "must be a JSON object {metric, hypotheses, references}");
        }
        ChrF metric = metric(root.get("metric"));
        List<String> hypotheses = strings(root, "hypotheses");
        List<String> references = strings(root, "references");
        if (hypotheses.size() != references.size()) {
            throw new InvalidParameterException("references", "has " + references.size()
                    + " items but hypotheses has " + hypotheses.size() + ": give one reference per hypothesis");
        }
        String name = root.get("metric").asText().toLowerCase(java.util.Locale.ROOT);
        return new ScoreResponse(name, metric.corpusScore(hypotheses, references), hypotheses.size());
    }

    private static ChrF metric(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidParameterException("metric", "is required: chrf or chrf++");
        }
        String name = node.isTextual() ? node.asText().toLowerCase(java.util.Locale.ROOT) : null;
        if ("chrf".equals(name)) {
            return ChrF.chrF();
        }
        if ("chrf++".equals(name)) {
            return ChrF.chrFPlusPlus();
        }
        throw new InvalidParameterException("metric", "must be chrf or chrf++, was " + node);
    }

    private static List<String> strings(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidParameterException(field, "is required: a list of strings");
        }
        if (!node.isArray()) {
            throw new InvalidParameterException(field, "must be a list of strings, was " + node.getNodeType());
        }
        if (node.isEmpty()) {
            throw new InvalidParameterException(field, "must not be empty");
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new InvalidParameterException(field + "[" + i + "]", "must be a string, was " + node.get(i));
            }
            out.add(node.get(i).asText());
        }
        return out;
    }
}
