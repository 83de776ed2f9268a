package dev.pinch.evaluator.api;

import dev.pinch.evaluator.jobs.JobRepository;
import dev.pinch.evaluator.planning.ExperimentCatalog;
import dev.pinch.evaluator.report.ExperimentReport;
import dev.pinch.evaluator.report.HtmlReport;
import dev.pinch.evaluator.report.ReportBuilder;
import dev.pinch.evaluator.report.ReportCache;
import dev.pinch.evaluator.report.ReportCharts;
import dev.pinch.evaluator.report.ReportFormats;
import dev.pinch.evaluator.results.EvaluationRepository;
import dev.pinch.support.problem.InvalidParameterException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.knowm.xchart.internal.chartpart.Chart;

/** The experiment report in JSON, CSV and HTML, and its charts as PNG and SVG. */
@Path("/experiments/{id}/report")
@Tag(name = "reports")
public class ReportResource {

    /** Experiment ids as dataset-service accepts them. */

    private final EvaluationRepository evaluations;
    private final ExperimentCatalog experiments;
    private final JobRepository jobs;
    private final ReportCache cache = new ReportCache();

    public ReportResource(EvaluationRepository evaluations, ExperimentCatalog experiments, JobRepository jobs) {
        this.evaluations = evaluations;
        this.experiments = experiments;
        this.jobs = jobs;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_HTML})
    @Operation(summary = "The report; pick the format with Accept or ?format=json|csv|html. "
            + "shares=en:0.5,fi:0.01 adds the pretraining-share correlation")
    public Response report(@PathParam("id") String id, @QueryParam("format") String format,
            @QueryParam("shares") String shares, @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        ExperimentReport report = build(id, shares);
        String chosen = format != null ? format : accept != null && accept.contains("text/csv") ? "csv"
                : accept != null && accept.contains("text/html") ? "html" : "json";
        return switch (chosen) {
            case "json" -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case "csv" -> Response.ok(ReportFormats.csv(report), "text/csv").build();
            case "html" -> Response.ok(HtmlReport.render(report, "report/charts/"), MediaType.TEXT_HTML).build();
            default -> throw new InvalidParameterException("format", "must be json, csv or html, was " + chosen);
        };
    }

    @GET
    @Path("/charts/{name}.{ext}")
    @Operation(summary = "One chart of the report (heatmap-sxs, sweep-pinch, ...) as png or svg")
    public Response chart(@PathParam("id") String id, @PathParam("name") String name, @PathParam("ext") String ext,
            @QueryParam("shares") String shares) throws IOException {
        Chart<?, ?> chart = ReportCharts.of(build(id, shares)).get(name);
        if (chart == null) {
            throw new NotFoundException("no chart '" + name + "' in the report of " + id);
        }
        return switch (ext) {
            case "png" -> Response.ok(ReportCharts.png(chart), "image/png").build();
            case "svg" -> Response.ok(ReportCharts.svg(chart), "image/svg+xml").build();
            default -> throw new InvalidParameterException("ext", "must be png or svg, was " + ext);
        };
    }

    /**
     * The report of a known experiment (its record is in the store, or the evaluator has evaluations or jobs of it).
     *
     * @throws InvalidParameterException (400) for an id that no experiment can have
     * @throws NotFoundException (404) for an experiment nobody submitted
     */
    private ExperimentReport build(String id, String shares) {
        if (!dev.pinch.events.Names.valid(id)) {
            throw new InvalidParameterException("id", "must be an experiment id: lower-case letters, digits and '-',"
                    + " at most 63 characters");
        }
        Map<String, Double> parsed = parseShares(shares);
        List<dev.pinch.evaluator.domain.CheckpointEvaluation> stored = evaluations.finalPerMix(id);
        if (stored.isEmpty() && !experiments.exists(id) && jobs.ofExperiment(id).isEmpty()) {
            throw new NotFoundException("no experiment " + id);
        }
        return cache.get(id + "?" + parsed, stored, () -> ReportBuilder.build(id, stored, parsed));
    }

    /** Parses {@code en:0.46,fi:0.003}. */
    static Map<String, Double> parseShares(String shares) {
        Map<String, Double> parsed = new LinkedHashMap<>();
        if (shares == null || shares.isBlank()) {
            return parsed;
        }
        for (String part : List.of(shares.split(","))) {
            String[] kv = part.split(":");
            try {
                if (kv.length != 2) {
                    throw new NumberFormatException();
                }
                parsed.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("shares", "must look like en:0.46,fi:0.003; bad part '" + part + "'");
            }
        }
        return parsed;
    }
}
