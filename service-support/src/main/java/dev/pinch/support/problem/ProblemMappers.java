package dev.pinch.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.pinch.events.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception mapper of all three services: every 4xx and 5xx is an RFC 9457 problem details body
 * ({@link Problem}, {@code application/problem+json}). A failure this class does not know is a 500 whose detail
 * says nothing about the failure; the stack trace goes to the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    /** JAX-RS' own: no such resource (404), method not allowed (405), unsupported media type (415), ... */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status < 400) {
            return original;
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return respond(Problem.of(status, kind(status), title, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v), v.getMessage())).toList();
        return respond(Problem.of(400, "invalid-request", "Invalid request", ProblemException.joined(violations),
                violations));
    }

    /** Overrides Quarkus' built-in mapper for this subtype, which does not name the field. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return malformedBody(e);
    }

    @ServerExceptionMapper
    public Response malformedBody(JsonProcessingException e) {
        Violation violation;
        if (e instanceof UnrecognizedPropertyException unknown) {
            violation = new Violation(JsonPaths.path(unknown), "unknown field '" + unknown.getPropertyName()
                    + "'; known fields: " + unknown.getKnownPropertyIds());
        } else if (e instanceof JsonMappingException mapping) {
            violation = new Violation(JsonPaths.fieldOrBody(mapping), e.getOriginalMessage());
        } else {
            violation = new Violation("body", "malformed JSON: " + e.getOriginalMessage());
        }
        return respond(Problem.of(400, "malformed-body", "Malformed request body", violation.toString(),
                List.of(violation)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure answering a request", e);
        return respond(Problem.of(500, "internal-error", "Internal server error",
                "the service failed unexpectedly; its log has the details", List.of()));
    }

    /** The response for a problem, with its status and media type. */
    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String kind(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 415 -> "unsupported-media-type";
            default -> null;
        };
    }

    /**
     * Bean Validation paths look like {@code list.state} (a parameter) or {@code create.arg0.name} (a field of the
     * body); users need {@code state} and {@code name}: the method, and the body parameter, are dropped.
     */
    static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean bodyParameter = node.getKind() == ElementKind.PARAMETER && i < nodes.size() - 1;
            if (node.isInIterable() && !names.isEmpty()) {
                String key = node.getIndex() != null ? String.valueOf(node.getIndex()) : String.valueOf(node.getKey());
                names.set(names.size() - 1, names.getLast() + "[" + key + "]");
            }
            if (node.getKind() != ElementKind.METHOD && !bodyParameter && node.getName() != null) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }
}
