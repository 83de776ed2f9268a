package dev.pinch.trainer.api;

import dev.pinch.support.problem.InvalidParameterException;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunState;
import dev.pinch.trainer.service.AdapterMerges;
import dev.pinch.trainer.service.RunService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
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
    private final AdapterMerges merges;

    public RunResource(RunService runs, AdapterMerges merges) {
        this.runs = runs;
        this.merges = merges;
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

    @POST
    @Path("/{id}/checkpoints/{step}/merged")
    @Operation(summary = "Merge a LoRA checkpoint's adapter into its base model: a full Hugging Face checkpoint "
            + "(config.json, model.safetensors, tokenizer) in the store at merged/<runId>/step-N. 201 when written, "
            + "200 when it existed; 404 for an unknown run or step; 409 for a checkpoint with full weights")
    public Response merge(@PathParam("id") String id, @PathParam("step") String step) throws IOException {
        long at;
        try {
            at = Long.parseLong(step);
        } catch (NumberFormatException e) {
            at = -1;
        }
        if (at < 0) {
            throw new InvalidParameterException("step", "must be a checkpoint's step, a whole number of 0 or more");
        }
        AdapterMerges.Merged merged = merges.merge(id, at);
        return Response.status(merged.created() ? 201 : 200).entity(merged).build();
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
