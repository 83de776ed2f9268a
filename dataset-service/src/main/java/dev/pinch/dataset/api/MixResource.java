package dev.pinch.dataset.api;

import dev.pinch.dataset.experiment.MixWriter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Assembled mixes: manifest and examples. */
@Path("/mixes/{id}")
@Tag(name = "mixes")
public class MixResource {

    private final MixWriter mixes;

    public MixResource(MixWriter mixes) {
        this.mixes = mixes;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The mix's manifest: design, counts per language and task, ids used, sha256")
    public byte[] manifest(@PathParam("id") String id) {
        return mixes.manifest(id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/examples")
    @Produces("application/x-ndjson")
    @Operation(summary = "The mix's examples as JSON lines, streamed")
    public InputStream examples(@PathParam("id") String id) {
        return mixes.examples(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no mix '" + id + "'");
    }
}
