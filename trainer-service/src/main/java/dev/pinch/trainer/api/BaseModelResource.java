package dev.pinch.trainer.api;

import dev.pinch.trainer.domain.BaseModelStatus;
import dev.pinch.trainer.service.BuiltinBaseModel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Base models this service makes itself: the built-in one, with its pretraining progress. */
@Path("/base-models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "base models")
public class BaseModelResource {

    private final BuiltinBaseModel builtin;

    public BaseModelResource(BuiltinBaseModel builtin) {
        this.builtin = builtin;
    }

    @GET
    @Operation(summary = "The built-in base model: UNKNOWN until a run needs it, PRETRAINING (step, totalSteps, loss, "
            + "tokensPerSecond, etaSeconds), READY or FAILED (error)")
    public List<BaseModelStatus> list() {
        return List.of(builtin.status());
    }

    @POST
    @Path("/builtin")
    @Operation(summary = "Prepare the built-in base model now, in the background: publish the copy shipped with the "
            + "service, or pretrain it by the recipe (bin/pinch pretrain). 202 with its status; follow GET /base-models")
    public Response prepare() {
        return Response.accepted(builtin.prepare()).build();
    }
}
