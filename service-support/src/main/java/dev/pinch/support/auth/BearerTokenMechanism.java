package dev.pinch.support.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinch.support.problem.Problem;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Reads {@code Authorization: Bearer <token>} and checks it against {@link ApiToken}. A matching token makes the
 * caller the identity {@value #PRINCIPAL}; a missing or wrong one leaves the caller anonymous, so reads still work
 * and {@link WriteRequestsPolicy} refuses writes. The refusal is a 401 RFC 9457 problem ({@code unauthorized}) with
 * {@code WWW-Authenticate: Bearer realm="pinch"}; neither it nor the log ever contains a presented token.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    /** The identity of a caller that presented the token. */
    public static final String PRINCIPAL = "api-client";

    static final String CHALLENGE = "Bearer realm=\"pinch\"";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final String REJECTED = BearerTokenMechanism.class.getName() + ".rejected";
    private static final String PREFIX = "bearer ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiToken token;

    @Inject
    public BearerTokenMechanism(ApiToken token) {
        this.token = token;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!token.required()) {
            return Uni.createFrom().nullItem();
        }
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Uni.createFrom().nullItem();
        }
        boolean bearer = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
        if (!bearer || !token.matches(header.substring(PREFIX.length()).strip())) {
            context.put(REJECTED, Boolean.TRUE);
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(PRINCIPAL)).build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, WWW_AUTHENTICATE, CHALLENGE));
    }

    /** The 401 as problem details, like every other error of the services. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        boolean rejected = Boolean.TRUE.equals(context.get(REJECTED));
        String detail = rejected
                ? "the Authorization header does not carry the API token: send Authorization: Bearer <token>"
                : context.request().method() + " changes state and needs the API token: send Authorization: "
                        + "Bearer <token> (bin/pinch sends PINCH_API_TOKEN)";
        Problem problem = Problem.of(401, "unauthorized", "Unauthorized", detail, List.of());
        try {
            context.response().setStatusCode(401)
                    .putHeader(WWW_AUTHENTICATE, CHALLENGE)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(JSON.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().item(Boolean.TRUE);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION,
                "bearer"));
    }
}
