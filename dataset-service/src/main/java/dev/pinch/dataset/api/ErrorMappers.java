package dev.pinch.dataset.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.pinch.dataset.domain.Violation;
import dev.pinch.dataset.service.SpecParser;
import dev.pinch.dataset.service.CorpusConflictException;
import dev.pinch.dataset.service.CorpusImportException;
import dev.pinch.dataset.service.CorpusNotFoundException;
import dev.pinch.dataset.service.ExperimentConflictException;
import dev.pinch.dataset.service.SpecViolationException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps failures to 4xx responses that name the field and the reason. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalidSpec(SpecViolationException e) {
        return json(400, new ErrorResponse(400, "Invalid experiment spec", e.getMessage(), e.violations()));
    }

    @ServerExceptionMapper
    public Response experimentConflict(ExperimentConflictException e) {
        return json(409, ErrorResponse.of(409, "Experiment id already used", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response corpusConflict(CorpusConflictException e) {
        return json(409, ErrorResponse.of(409, "Corpus version already exists", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidCorpus(CorpusImportException e) {
        return json(400, new ErrorResponse(400, "Invalid corpus", e.getMessage(), e.violations(),
                e.report().orElse(null)));
    }

    @ServerExceptionMapper
    public Response unknownCorpus(CorpusNotFoundException e) {
        return json(404, ErrorResponse.of(404, "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(jakarta.ws.rs.NotFoundException e) {
        return json(404, ErrorResponse.of(404, "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return json(400, new ErrorResponse(400, "Invalid request", e.getMessage(), violations));
    }

    /** Overrides Quarkus' built-in mapper, which does not name the field. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return json(400, new ErrorResponse(400, "Malformed request body", e.getOriginalMessage(),
                    List.of(new Violation("body", "malformed JSON: " + e.getOriginalMessage()))));
        }
        String path = SpecParser.path(mapping);
        String field = path.isEmpty() ? "body" : path;
        return json(400, new ErrorResponse(400, "Malformed request body", e.getOriginalMessage(),
                List.of(new Violation(field, e.getOriginalMessage()))));
    }

    /** Bean Validation paths look like {@code create.arg0.name}; users need {@code name}. */
    private static String leaf(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    static Response json(int status, ErrorResponse body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
