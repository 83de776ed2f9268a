package dev.pinch.trainer.api;

import dev.pinch.support.problem.InvalidParameterException;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunState;
import dev.pinch.trainer.service.RunService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Training runs: one per (mix, training config). */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "runs")
public class RunResource {

    private final RunService runs;

    public RunResource(RunService runs) {
        this.runs = runs;
    }

    @GET
    @Operation(summary = "Every run, oldest first; optionally only one experiment's, or only those in one state")
    public List<RunSummary> list(@QueryParam("experimentId") String experimentId, @QueryParam("state") String state) {
        RunState wanted = state == null || state.isBlank() ? null : parseState(state);
        return runs.list().stream()
                .filter(r -> experimentId == null || experimentId.equals(r.experimentId()))
                .filter(r -> wanted == null || r.state() == wanted)
                .map(RunSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A run: state, progress (step, totalSteps, loss, tokensPerSecond, learningRate), loss "
            + "curve, checkpoints and error")
    public RunView get(@PathParam("id") String id) {
        return RunView.of(runs.get(id));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a run: QUEUED → CANCELLED at once (200); RUNNING → stops at its next step (202); "
            + "DONE or FAILED → 409")
    public Response cancel(@PathParam("id") String id) {
        Run run = runs.cancel(id);
        int status = run.state() == RunState.RUNNING ? 202 : 200;
        return Response.status(status).entity(RunView.of(run)).build();
    }

    private static RunState parseState(String state) {
        try {
            return RunState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("state", "must be one of " + Arrays.toString(RunState.values())
                    + ", was " + state);
        }
    }
}
