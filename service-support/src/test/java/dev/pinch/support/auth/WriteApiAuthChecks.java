package dev.pinch.support.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/**
 * What every service's auth test checks, against the service that {@code @QuarkusTest} started with
 * {@link On}: a write without the token, or with a wrong one, is a 401 problem that quotes no token, and reads and
 * health stay open. The right token's success is each service's own request.
 */
public final class WriteApiAuthChecks {

    /** The token the services' auth tests configure. */
    public static final String TOKEN = "test-api-token-5f0c2a9e4b7d";

    private WriteApiAuthChecks() {
    }

    /** Auth on, with {@link #TOKEN}: the configuration the compose file and the k8s manifests give the services. */
    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The services turn auth off with %test.pinch.api.auth=false; the profiled key is overridden too.
            return Map.of("pinch.api.auth", "true", "%test.pinch.api.auth", "true", "pinch.api.token", TOKEN);
        }
    }

    /** A request carrying {@link #TOKEN}. */
    public static RequestSpecification withToken() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    /** {@code method path} is refused with no token, a wrong token, a token of another scheme and an empty one. */
    public static void refusedWithoutTheToken(String method, String path) {
        unauthorized(given(), method, path, "needs the API token");
        unauthorized(given().header("Authorization", "Bearer wrong-" + TOKEN), method, path, "does not carry");
        unauthorized(given().header("Authorization", "Bearer " + TOKEN.substring(1)), method, path, "does not carry");
        unauthorized(given().header("Authorization", "Basic " + TOKEN), method, path, "does not carry");
        unauthorized(given().header("Authorization", "Bearer "), method, path, "does not carry");
    }

    /** Reads, with or without a token, and health answer 200. */
    public static void readsAndHealthAreOpen(String... readPaths) {
        for (String path : readPaths) {
            given().get(path).then().statusCode(200);
            given().header("Authorization", "Bearer wrong").get(path).then().statusCode(200);
        }
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    private static void unauthorized(RequestSpecification request, String method, String path, String detail) {
        request.contentType("application/json").body("{}").request(method, path).then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:pinch:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("detail", containsString(detail))
                .body(not(containsString(TOKEN.substring(5))));
    }
}
