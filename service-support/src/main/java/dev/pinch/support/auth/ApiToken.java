package dev.pinch.support.auth;

import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The configured API token, kept only as its SHA-256 digest. A presented token is hashed and the two digests are
 * compared with {@link MessageDigest#isEqual}, which takes the same time wherever they differ; hashing first also
 * hides the token's length. Checked at startup: with auth on and no usable token the service does not start. No
 * message of this class contains the token.
 */
@Startup
@Singleton
public class ApiToken {

    /** The shortest token accepted. */
    public static final int MIN_LENGTH = 16;

    private final boolean required;
    private final byte[] digest;

    @Inject
    public ApiToken(ApiAuthConfig config) {
        this(config.auth(), config.token());
    }

    /** Throws {@link IllegalStateException} naming the setting when {@code required} and the token is unusable. */
    public ApiToken(boolean required, Optional<String> token) {
        this.required = required;
        if (!required) {
            this.digest = null;
            return;
        }
        String value = token.orElse("");
        if (value.isEmpty()) {
            throw new IllegalStateException("pinch.api.auth is on but no pinch.api.token is set: set PINCH_API_TOKEN "
                    + "(at least " + MIN_LENGTH + " characters), or PINCH_API_AUTH=false for a service that only "
                    + "this machine can reach");
        }
        if (value.length() < MIN_LENGTH || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalStateException("pinch.api.token is unusable: it needs at least " + MIN_LENGTH
                    + " characters and no whitespace");
        }
        this.digest = sha256(value);
    }

    /** Whether write requests need the token. */
    public boolean required() {
        return required;
    }

    /** Whether {@code presented} is the configured token; false for null, or when no token is required. */
    public boolean matches(String presented) {
        return required && presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
