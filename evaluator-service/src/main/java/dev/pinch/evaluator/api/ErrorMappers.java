package dev.pinch.evaluator.api;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 4xx responses that name the field and the reason. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return json(400, Map.of("status", 400, "title", "Invalid request", "detail", e.getMessage(),
                "violations", List.of(Map.of("field", e.field(), "message", e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(404, Map.of("status", 404, "title", "Not found", "detail", e.getMessage()));
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
