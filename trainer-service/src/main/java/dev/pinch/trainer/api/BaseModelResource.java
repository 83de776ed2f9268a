package dev.pinch.trainer.api;

import dev.pinch.trainer.domain.BaseModelStatus;
import dev.pinch.trainer.service.BuiltinBaseModel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
            + "tokensPerSecond, etaSeconds) or READY")
    public List<BaseModelStatus> list() {
        return List.of(builtin.status());
    }
}
