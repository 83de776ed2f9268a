package dev.pinch.evaluator.judge;

import java.util.Optional;

/**
 * The API key of a judge endpoint, read from the environment variable the operator named
 * ({@code pinch.evaluator.judges.<name>.api-key-env}, fed from a Kubernetes/Docker secret). The value is sent only as a Bearer token; {@link #toString()} never shows it.
 */
public final class ApiKey {

    private final String value;
    private final String source;

    private ApiKey(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /** No key: no Authorization header is sent (local vLLM, Ollama, TGI). */
    public static ApiKey none() {
        return new ApiKey(null, "none");
    }

    /** A key given directly (for example already resolved by the configuration system). */
    public static ApiKey of(String value) {
        return value == null || value.isBlank() ? none() : new ApiKey(value.strip(), "value");
    }

    /**
     * The key in environment variable {@code variable}.
     *
     * @throws IllegalStateException when the variable is unset or blank
     */
    public static ApiKey fromEnv(String variable) {
        String v = System.getenv(variable);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("judge API key: environment variable " + variable + " is not set");
        }
        return new ApiKey(v.strip(), "env " + variable);
    }

    /** Whether there is a key. */
    public boolean isPresent() {
        return value != null;
    }

    /** The {@code Authorization} header value, if there is a key. */
    Optional<String> authorization() {
        return value == null ? Optional.empty() : Optional.of("Bearer " + value);
    }

    /** Where the key came from, never the key. */
    @Override
    public String toString() {
        return value == null ? "ApiKey[none]" : "ApiKey[" + source + ", ****]";
    }
}
