package dev.pinch.support.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * A global HTTP security policy (it has no name, so Quarkus applies it to every request): while
 * {@code pinch.api.auth} is on, a request whose method is not GET, HEAD or OPTIONS needs an authenticated caller,
 * i.e. the API token ({@link BearerTokenMechanism}). Anonymous writes are answered with the mechanism's 401. Reads,
 * health, metrics and the OpenAPI document are not affected.
 */
@ApplicationScoped
public class WriteRequestsPolicy implements HttpSecurityPolicy {

    /** The methods that change nothing. */
    static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ApiToken token;

    @Inject
    public WriteRequestsPolicy(ApiToken token) {
        this.token = token;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        if (!token.required() || READS.contains(request.request().method())) {
            return CheckResult.permit();
        }
        return identity.map(caller -> caller.isAnonymous() ? CheckResult.DENY : CheckResult.PERMIT);
    }
}
