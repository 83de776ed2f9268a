package dev.pinch.evaluator.api;

import dev.pinch.evaluator.generation.ResponseLog;
import dev.pinch.evaluator.jobs.EvaluationJob;
import dev.pinch.evaluator.jobs.JobRepository;
import dev.pinch.store.ArtifactStore;
import dev.pinch.support.problem.InvalidParameterException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Evaluation jobs: {@code GET /evaluations[?experimentId=&state=]} and {@code GET /evaluations/{checkpointId}}. */
@Path("/evaluations")
@Tag(name = "evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    private final JobRepository jobs;
    private final ArtifactStore store;

    public EvaluationResource(JobRepository jobs, ArtifactStore store) {
        this.jobs = jobs;
        this.store = store;
    }

    @GET
    @Operation(summary = "Evaluation jobs, oldest first; filter by experiment and state")
    public List<EvaluationView> list(@QueryParam("experimentId") String experimentId,
            @QueryParam("state") String state) {
        if (state != null && !state.matches("QUEUED|GENERATING|SCORING|DONE|FAILED")) {
            throw new InvalidParameterException("state", "must be QUEUED, GENERATING, SCORING, DONE or FAILED");
        }
        return jobs.all().stream()
                .filter(j -> experimentId == null || j.experimentId().equals(experimentId))
                .filter(j -> state == null || j.state().name().equals(state))
                .map(j -> EvaluationView.of(j, null)).toList();
    }

    @GET
    @Path("/{checkpointId}")
    @Operation(summary = "The evaluations of one checkpoint (one per eval set and judge), with stored responses per language")
    public List<EvaluationView> checkpoint(@PathParam("checkpointId") String checkpointId) {
        List<EvaluationJob> found = jobs.all().stream().filter(j -> j.checkpointId().equals(checkpointId)).toList();
        if (found.isEmpty()) {
            throw new NotFoundException("no evaluation of checkpoint " + checkpointId);
        }
        return found.stream().map(j -> EvaluationView.of(j, responses(j))).toList();
    }

    private Map<String, Integer> responses(EvaluationJob j) {
        ResponseLog log = new ResponseLog(store, j.experimentId(), j.checkpointId(), j.plan().evalSet());
        Map<String, Integer> out = new LinkedHashMap<>();
        j.plan().languages().forEach(lang -> out.put(lang, log.read(lang).size()));
        return out;
    }
}
