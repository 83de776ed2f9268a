package dev.pinch.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The services' REST APIs, as the CLI uses them. Every call throws {@link ApiException} with a readable message.
 * With an API token ({@code PINCH_API_TOKEN}, see {@link #token}) every request carries
 * {@code Authorization: Bearer <token>}, which services with {@code pinch.api.auth} on require for writes.
 */
public final class PinchClient {

    /** The environment variable the token comes from; the services read the same one. */
    public static final String TOKEN_VARIABLE = "PINCH_API_TOKEN";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Endpoints endpoints;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client that sends no token: for the local launcher's services, which run with auth off. */
    public PinchClient(Endpoints endpoints) {
        this(endpoints, null);
    }

    /** A client that sends {@code token} (null or blank: none). */
    public PinchClient(Endpoints endpoints, String token) {
        this.endpoints = endpoints;
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    /** The API token from the environment ({@value #TOKEN_VARIABLE}), or null. */
    public static String token(Map<String, String> env) {
        return env.get(TOKEN_VARIABLE);
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** POST /experiments with a JSON or YAML spec file; the 202 body (id and mixes). */
    public JsonNode submit(Path spec) throws IOException {
        String name = spec.getFileName().toString();
        String type = name.endsWith(".json") ? "application/json" : "application/yaml";
        return json(send(endpoints.dataset(), "POST", "/experiments", HttpRequest.BodyPublishers.ofFile(spec), type));
    }

    /** The experiment as dataset-service stores it: spec, mixes (id, name, design, counts) and {@code published}. */
    public JsonNode experiment(String id) {
        return get(endpoints.dataset(), "/experiments/" + encode(id));
    }

    public JsonNode runs(String experimentId, String state) {
        String query = (experimentId == null ? "" : "&experimentId=" + encode(experimentId))
                + (state == null ? "" : "&state=" + encode(state));
        return get(endpoints.trainer(), "/runs" + (query.isEmpty() ? "" : "?" + query.substring(1)));
    }

    public JsonNode run(String runId) {
        return get(endpoints.trainer(), "/runs/" + encode(runId));
    }

    public JsonNode cancelRun(String runId) {
        return json(send(endpoints.trainer(), "POST", "/runs/" + encode(runId) + "/cancel",
                HttpRequest.BodyPublishers.noBody(), null));
    }

    /** Merges a LoRA checkpoint's adapter into its base; the merged checkpoint (key, uri, sha256, baseModel). */
    public JsonNode mergeCheckpoint(String runId, long step) {
        return json(send(endpoints.trainer(), "POST", "/runs/" + encode(runId) + "/checkpoints/" + step + "/merged",
                HttpRequest.BodyPublishers.noBody(), null));
    }

    public JsonNode baseModels() {
        return get(endpoints.trainer(), "/base-models");
    }

    /** Asks the trainer to prepare the built-in base model now (in the background); its status. */
    public JsonNode prepareBuiltin() {
        return json(send(endpoints.trainer(), "POST", "/base-models/builtin", HttpRequest.BodyPublishers.noBody(),
                null));
    }

    public JsonNode evaluations(String experimentId) {
        return get(endpoints.evaluator(), "/evaluations?experimentId=" + encode(experimentId));
    }

    public JsonNode report(String experimentId) {
        return get(endpoints.evaluator(), "/experiments/" + encode(experimentId) + "/report");
    }

    /** The report rendered by the evaluator: {@code csv} or {@code html} (with its charts embedded). */
    public String report(String experimentId, String format) {
        return send(endpoints.evaluator(), "GET", "/experiments/" + encode(experimentId) + "/report?format="
                + encode(format), HttpRequest.BodyPublishers.noBody(), null);
    }

    /** Whether {@code /q/health/ready} of a service answers 200. */
    public boolean ready(URI service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(service.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(URI service, String path) {
        return json(send(service, "GET", path, HttpRequest.BodyPublishers.noBody(), null));
    }

    private String send(URI service, String method, String path, HttpRequest.BodyPublisher body, String type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body);
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                throw new ApiException(401, ApiException.of(method, path, 401, parse(response.body()),
                        response.body()).getMessage() + System.lineSeparator() + "  " + (token == null
                                ? "set " + TOKEN_VARIABLE + " to the services' API token"
                                : TOKEN_VARIABLE + " is not the services' API token"));
            }
            if (response.statusCode() >= 400) {
                throw ApiException.of(method, path, response.statusCode(), parse(response.body()), response.body());
            }
            return response.body();
        } catch (ConnectException e) {
            throw new ApiException(0, "cannot reach " + service + " (" + method + " " + path
                    + "); is Pinch running? Start it with `bin/pinch up`, or set the service URL options");
        } catch (IOException e) {
            throw new ApiException(0, method + " " + path + " at " + service + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted");
        }
    }

    private static JsonNode json(String body) {
        JsonNode node = parse(body);
        if (node == null) {
            throw new ApiException(0, "the service answered with something that is not JSON: " + body);
        }
        return node;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
