package dev.pinch.trainer.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pinch.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Deterministic names of runs, checkpoints and their store keys. */
public final class RunIds {

    /** How many hex digits of the config hash a run id keeps. */
    public static final int HASH_DIGITS = 12;

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RunIds() {
    }

    /** {@code <mixId>.<first 12 hex of the training config hash>}: equal for a redelivered mix. */
    public static String runId(String mixId, String configHash) {
        return mixId + "." + configHash.substring(0, HASH_DIGITS);
    }

    /**
     * The run id of one seed of a mix: {@code <mixId>.seed<N>.<12 hex>} for an experiment with {@code seeds};
     * {@link #runId(String, String)} (unchanged) when {@code seed} is null.
     */
    public static String runId(String mixId, String configHash, Long seed) {
        return seed == null ? runId(mixId, configHash) : runId(mixId + ".seed" + seed, configHash);
    }

    /** {@code <runId>.step-NNNNNN}. */
    public static String checkpointId(String runId, long step) {
        return runId + "." + stepName(step);
    }

    public static String checkpointKey(String runId, long step) {
        return "checkpoints/" + runId + "/" + stepName(step);
    }

    public static String runKey(String runId) {
        return "runs/" + runId + "/run.json";
    }

    public static String stepName(long step) {
        return "step-%06d".formatted(step);
    }

    /** The step of a {@code step-NNNNNN} name, or -1 for any other name. */
    public static long parseStep(String name) {
        return name.matches("step-\\d{6,}") ? Long.parseLong(name.substring(5)) : -1;
    }

    /**
     * sha256 of a training config as given, in canonical JSON (keys sorted): names runs whose config cannot be
     * parsed, so that even a rejected mix has a stable run id.
     */
    public static String rawConfigHash(Map<String, Object> config) {
        try {
            return Sha256.of(CANONICAL.writeValueAsBytes(config == null ? Map.of() : config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash training config", e);
        }
    }

    /** sha256 of a string, in hex. */
    public static String sha256(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
