package dev.pinch.dataset.api;

import dev.pinch.dataset.corpus.CorpusImportRequest;
import dev.pinch.dataset.corpus.CorpusImportResult;
import dev.pinch.dataset.corpus.CorpusImporter;
import dev.pinch.dataset.corpus.CorpusNotFoundException;
import dev.pinch.dataset.corpus.CorpusRegistry;
import dev.pinch.dataset.corpus.CorpusValidation;
import dev.pinch.dataset.domain.CorpusManifest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Parallel corpora: import, list, describe. */
@Path("/corpora")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "corpora")
public class CorpusResource {

    private final CorpusImporter importer;
    private final CorpusRegistry registry;

    public CorpusResource(CorpusImporter importer, CorpusRegistry registry) {
        this.importer = importer;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a corpus (Pinch JSONL file or Alpaca-style directory on the server). "
            + "With dryRun=true only the validation report is returned.")
    public Response create(@Valid @NotNull CorpusImportRequest request,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        if (dryRun) {
            CorpusValidation validation = importer.validate(request);
            return Response.ok(validation.report()).build();
        }
        CorpusImportResult result = importer.importCorpus(request);
        return Response.created(URI.create("/corpora/" + result.manifest().name())).entity(result).build();
    }

    @GET
    @Operation(summary = "Every corpus, latest version of each")
    public List<CorpusManifest> list() {
        return registry.list();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "A corpus's manifest (latest version): languages, counts per language, split and task, sha256")
    public CorpusManifest get(@PathParam("name") String name) {
        if (!dev.pinch.events.Names.valid(name)) {
            throw new dev.pinch.support.problem.InvalidParameterException("name", "must be a corpus name: "
                    + dev.pinch.events.Names.RULE);
        }
        return registry.manifest(name).orElseThrow(() -> new CorpusNotFoundException("no corpus '" + name + "'"));
    }
}
