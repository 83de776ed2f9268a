package dev.pinch.support.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Who may call a service's write APIs: every request whose method is not GET, HEAD or OPTIONS needs
 * {@code Authorization: Bearer <token>}. Reads ({@code GET}), {@code /q/health}, {@code /q/metrics} and
 * {@code /q/openapi} stay open. Enforced by {@link WriteRequestsPolicy} with {@link BearerTokenMechanism}.
 */
@ConfigMapping(prefix = "pinch.api")
public interface ApiAuthConfig {

    /**
     * Whether write requests need the token ({@code PINCH_API_AUTH}). Default {@code true}: a service that can be
     * reached is closed unless told otherwise. The local launcher ({@code bin/pinch up}, {@code demo}) and the dev
     * and test profiles set it to {@code false}.
     */
    @WithDefault("true")
    boolean auth();

    /**
     * The shared secret that callers send as a bearer token ({@code PINCH_API_TOKEN}, the variable the CLI sends
     * too). Required while {@link #auth()} is on: at least {@value ApiToken#MIN_LENGTH} characters, no whitespace.
     * No default; set it from a Secret, never in an image or a committed file.
     */
    Optional<String> token();
}
