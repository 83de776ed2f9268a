package dev.pinch.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real HTTP server that answers like the services do. */
class PinchClientTest {

    static final String TOKEN = "cli-test-token-0123456789";

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    PinchClient client;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            String path = exchange.getRequestURI().getPath();
            boolean authorized = ("Bearer " + TOKEN).equals(authorization);
            int status = path.endsWith("/cancel") && !authorized ? 401
                    : path.equals("/experiments") && body.contains("percents: [200]") ? 400
                    : path.startsWith("/experiments/nope") ? 404 : path.equals("/experiments") ? 202 : 200;
            String answer = switch (status) {
                case 401 -> "{\"type\":\"urn:pinch:problem:unauthorized\",\"status\":401,\"title\":\"Unauthorized\","
                        + "\"detail\":\"POST changes state and needs the API token\"}";
                case 400 -> "{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"invalid experiment spec\","
                        + "\"violations\":[{\"field\":\"designs[0].percents[0]\",\"reason\":\"must be in [0, 100]\"}]}";
                case 404 -> "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"no experiment 'nope'\"}";
                default -> "{\"id\":\"demo\",\"mixes\":[]}";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        client = new PinchClient(Endpoints.local(port, port, port));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void submitsYamlAndJsonWithTheirContentType(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("e.yaml"), "id: demo\n");
        Path json = Files.writeString(dir.resolve("e.json"), "{\"id\":\"demo\"}");
        assertThat(client.submit(yaml).path("id").asText()).isEqualTo("demo");
        client.submit(json);
        assertThat(requests).containsExactly("POST /experiments application/yaml id: demo\n",
                "POST /experiments application/json {\"id\":\"demo\"}");
    }

    @Test
    void aRejectedSpecNamesTheFieldAndTheReason(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("e.yaml"), "designs: [{type: pinch, percents: [200]}]\n");
        assertThatThrownBy(() -> client.submit(yaml)).isInstanceOf(ApiException.class)
                .hasMessageContaining("POST /experiments -> 400: invalid experiment spec")
                .hasMessageContaining("designs[0].percents[0]: must be in [0, 100]")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> client.experiment("nope")).hasMessageContaining("404: no experiment 'nope'");
    }

    @Test
    void queryParametersAreEncoded() {
        client.runs("my exp", "running");
        client.evaluations("a&b");
        assertThat(requests).containsExactly("GET /runs?experimentId=my+exp&state=running null ",
                "GET /evaluations?experimentId=a%26b null ");
    }

    @Test
    void mergePostsToTheCheckpointsMergedResourceOfTheRun() throws Exception {
        client.mergeCheckpoint("exp.mono-en.seed1/abc", 40);
        assertThat(requests).containsExactly("POST /runs/exp.mono-en.seed1%2Fabc/checkpoints/40/merged null ");
        var run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"checkpoints\":[{\"step\":20},{\"step\":60},{\"step\":40}]}");
        assertThat(dev.pinch.cli.commands.MergeCommand.newestStep(run)).isEqualTo(60);
        assertThat(dev.pinch.cli.commands.MergeCommand.newestStep(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"checkpoints\":[]}"))).isEqualTo(-1);
    }

    @Test
    void anUnreachableServiceSaysHowToStartPinch() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        PinchClient down = new PinchClient(Endpoints.local(closed, closed, closed));
        assertThatThrownBy(() -> down.runs(null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("cannot reach http://localhost:" + closed)
                .hasMessageContaining("bin/pinch up");
        assertThat(down.ready(down.endpoints().trainer())).isFalse();
    }

    @Test
    void endpointsComeFromOptionsThenEnvironmentThenDefaults() {
        Endpoints e = Endpoints.resolve("http://d:1/", null, null, Map.of("PINCH_TRAINER_URL", "http://t:2"));
        assertThat(e.dataset()).hasToString("http://d:1");
        assertThat(e.trainer()).hasToString("http://t:2");
        assertThat(e.evaluator()).hasToString("http://localhost:8083");
        assertThatThrownBy(() -> Endpoints.resolve("localhost:8081", null, null, Map.of()))
                .hasMessageContaining("not an http(s) URL: localhost:8081");
    }

    @Test
    void sendsTheApiTokenFromTheEnvironmentOnEveryRequest() {
        assertThat(PinchClient.token(Map.of("PINCH_API_TOKEN", TOKEN))).isEqualTo(TOKEN);
        assertThat(PinchClient.token(Map.of())).isNull();
        PinchClient withToken = new PinchClient(client.endpoints(), PinchClient.token(Map.of("PINCH_API_TOKEN", TOKEN)));
        withToken.runs(null, null);
        assertThat(withToken.cancelRun("r1").path("id").asText()).isEqualTo("demo");
        client.runs(null, null);
        new PinchClient(client.endpoints(), "  ").runs(null, null);
        assertThat(authorizations).containsExactly("Bearer " + TOKEN, "Bearer " + TOKEN, "null", "null");
    }

    @Test
    void a401SaysWhichVariableToSet() {
        assertThatThrownBy(() -> client.cancelRun("r1")).isInstanceOf(ApiException.class)
                .hasMessageContaining("POST /runs/r1/cancel -> 401: POST changes state and needs the API token")
                .hasMessageContaining("set PINCH_API_TOKEN to the services' API token")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401));
        PinchClient wrong = new PinchClient(client.endpoints(), "not-" + TOKEN);
        assertThatThrownBy(() -> wrong.cancelRun("r1"))
                .hasMessageContaining("PINCH_API_TOKEN is not the services' API token")
                .hasMessageNotContaining(TOKEN);
    }
}
