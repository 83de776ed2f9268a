package dev.pinch.dataset.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only: an endpoint that fails unexpectedly, to see what a 500 looks like. */
@Path("/test-only/failure")
public class FailingTestResource {

    @GET
    public String fail() {
        throw new IllegalStateException("secret-token-4711");
    }
}
