package dev.pinch.dataset.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.pinch.dataset.config.DatasetConfig;
import dev.pinch.dataset.domain.Experiment;
import dev.pinch.dataset.experiment.ExperimentService;
import dev.pinch.dataset.experiment.SpecParser;
import dev.pinch.dataset.experiment.SpecViolationException;
import dev.pinch.events.Violation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Experiments: a spec in, concrete mixes out. */
@Path("/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "experiments")
public class ExperimentResource {

    private final ExperimentService experiments;
    private final DatasetConfig config;

    public ExperimentResource(ExperimentService experiments, DatasetConfig config) {
        this.experiments = experiments;
        this.config = config;
    }

    /** The 202 body: the experiment id and its mixes. */
    public record Accepted(String id, List<MixSummary> mixes) {
    }

    public record MixSummary(String id, String design, Map<String, Integer> counts, int total, String sha256) {
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml"})
    @Operation(summary = "Submit an experiment spec (JSON or YAML); its mixes are assembled and announced")
    @RequestBody(description = "An experiment spec; see README for the design types")
    public Response submit(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        if (body != null && body.length() > config.maxSpecBytes()) {
            throw new SpecViolationException(List.of(new Violation("body",
                    "is larger than " + config.maxSpecBytes() + " bytes")));
        }
        boolean yaml = contentType != null && contentType.contains("yaml");
        Experiment experiment = experiments.submit(SpecParser.parse(body, yaml, config.maxSpecBytes(), config.maxJsonDepth()));
        return Response.accepted(accepted(experiment)).location(URI.create("/experiments/" + experiment.id())).build();
    }

    /** An experiment, and whether the broker has acknowledged all its MixReady events yet. */
    public record ExperimentView(@JsonUnwrapped Experiment experiment, boolean published) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An accepted experiment: its normalized spec, mixes, and whether they were announced")
    public ExperimentView get(@PathParam("id") String id) {
        if (!dev.pinch.events.Names.valid(id)) {
            throw new dev.pinch.support.problem.InvalidParameterException("id", "must be an experiment id: "
                    + dev.pinch.events.Names.RULE);
        }
        Experiment experiment = experiments.find(id)
                .orElseThrow(() -> new NotFoundException("no experiment '" + id + "'"));
        return new ExperimentView(experiment, experiments.isPublished(id));
    }

    static Accepted accepted(Experiment experiment) {
        return new Accepted(experiment.id(), experiment.mixes().stream()
                .map(m -> new MixSummary(m.id(), m.design().type(), m.counts(), m.total(), m.sha256()))
                .toList());
    }
}
