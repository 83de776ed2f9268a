package dev.pinch.cli.api;

import java.net.URI;
import java.util.Map;

/**
 * Where the three services listen. Defaults are the local ports ({@code bin/pinch up}); each can be overridden by
 * an option or by {@code PINCH_DATASET_URL}, {@code PINCH_TRAINER_URL}, {@code PINCH_EVALUATOR_URL}.
 */
public record Endpoints(URI dataset, URI trainer, URI evaluator) {

    public static final int DATASET_PORT = 8081;
    public static final int TRAINER_PORT = 8082;
    public static final int EVALUATOR_PORT = 8083;

    public static Endpoints local(int datasetPort, int trainerPort, int evaluatorPort) {
        return new Endpoints(URI.create("http://localhost:" + datasetPort), URI.create("http://localhost:" + trainerPort),
                URI.create("http://localhost:" + evaluatorPort));
    }

    /** The given URLs, else the environment's, else the local defaults. */
    public static Endpoints resolve(String dataset, String trainer, String evaluator, Map<String, String> env) {
        return new Endpoints(pick(dataset, env.get("PINCH_DATASET_URL"), DATASET_PORT),
                pick(trainer, env.get("PINCH_TRAINER_URL"), TRAINER_PORT),
                pick(evaluator, env.get("PINCH_EVALUATOR_URL"), EVALUATOR_PORT));
    }

    private static URI pick(String option, String env, int port) {
        String url = option != null ? option : env != null && !env.isBlank() ? env : "http://localhost:" + port;
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        return uri;
    }
}
