package dev.pinch.trainer.api;

import dev.pinch.trainer.service.RunConflictException;
import dev.pinch.trainer.service.RunNotFoundException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps failures to 4xx responses that name the field and the reason. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response unknownRun(RunNotFoundException e) {
        return json(404, ErrorResponse.of(404, "Not found", e.getMessage(), new Violation("id", e.getMessage())));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(404, ErrorResponse.of(404, "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(RunConflictException e) {
        return json(409, ErrorResponse.of(409, "Run state does not allow this", e.getMessage(),
                new Violation("state", e.getMessage())));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return json(400, ErrorResponse.of(400, "Invalid request", e.getMessage(),
                new Violation(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        var violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(leaf(v.getPropertyPath().toString()), v.getMessage())).toList();
        return json(400, new ErrorResponse(400, "Invalid request", e.getMessage(), violations));
    }

    /** Bean Validation paths look like {@code list.state}; users need {@code state}. */
    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    static Response json(int status, ErrorResponse body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
