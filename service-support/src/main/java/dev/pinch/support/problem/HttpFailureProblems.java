package dev.pinch.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import dev.pinch.events.Violation;
import io.quarkus.runtime.configuration.MemorySize;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Problem details for the 4xx answers the HTTP layer gives before a request reaches a resource (a body over
 * {@code quarkus.http.limits.max-body-size}: 413; a request line or headers too long: 414, 431), which would otherwise
 * be bare statuses: a body declared over the limit is refused with a problem before any of it is read, and a
 * failure handler on every route renders the others as {@code application/problem+json}, like {@link ProblemMappers}
 * does for the resources' own.
 */
@ApplicationScoped
public class HttpFailureProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    void routes(@Observes Router router) {
        long limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10L << 20);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> refuseOversized(ctx, limit))
                .failureHandler(HttpFailureProblems::render);
    }

    /** Answers a request whose declared body is over {@code limit} at once, before any of it is read. */
    static void refuseOversized(RoutingContext ctx, long limit) {
        String length = ctx.request().getHeader("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared <= limit) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Connection", "close");
        problem(ctx, 413, "the request body is " + declared + " bytes; this service accepts at most " + limit);
    }

    static void render(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status < 400 || status >= 500 || ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        problem(ctx, status, status == 413 ? "the request body is larger than this service accepts"
                : HttpResponseStatus.valueOf(status).reasonPhrase());
    }

    private static void problem(RoutingContext ctx, int status, String detail) {
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        try {
            byte[] body = JSON.writeValueAsBytes(Problem.of(status, status == 413 ? "request-too-large" : null, title,
                    detail, status == 413 ? List.of(new Violation("body", detail)) : List.of()));
            ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (JsonProcessingException e) {
            ctx.next();
        }
    }
}
