package dev.pinch.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verdicts already paid for, keyed by a SHA-256 of (judge fingerprint, prompt fields, response A, response B).
 * Persisted as append-only JSONL ({@code {"key","judge","choice","rationale"}} per line) and loaded on start, so a
 * re-run asks the endpoint nothing. Unreadable lines (a crash mid-write) are skipped.
 */
final class VerdictCache {

    private static final System.Logger LOG = System.getLogger(VerdictCache.class.getName());

    private final Path file;
    private final ObjectMapper json;
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

    /** A cache persisted to {@code file} (null: memory only), loading what the file already holds. */
    VerdictCache(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
        if (file != null && Files.exists(file)) {
            load();
        }
    }

    /** The cache key of {@code request} for a judge with {@code fingerprint} (model and template hash). */
    static String key(String fingerprint, JudgeRequest r) {
        String joined = String.join("\u0000", "v1", fingerprint, r.lang(), String.valueOf(r.task()), r.instruction(),
                String.valueOf(r.reference()), r.responseA(), r.responseB());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Verdict> get(String key) {
        return Optional.ofNullable(verdicts.get(key));
    }

    int size() {
        return verdicts.size();
    }

    /** Remembers a verdict and appends it to the file. */
    void put(String key, String judgeId, Verdict verdict) {
        if (verdicts.putIfAbsent(key, verdict) != null || file == null) {
            return;
        }
        ObjectNode line = json.createObjectNode();
        line.put("key", key);
        line.put("judge", judgeId);
        line.put("choice", verdict.choice().name());
        line.put("rationale", verdict.rationale());
        synchronized (this) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the verdict cache " + file, e);
            }
        }
    }

    private void load() {
        int skipped = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = json.readTree(line);
                    Verdict v = Verdict.of(Verdict.Choice.valueOf(n.get("choice").asText()),
                            n.hasNonNull("rationale") ? n.get("rationale").asText() : null);
                    verdicts.put(n.get("key").asText(), v);
                } catch (IOException | RuntimeException e) {
                    skipped++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the verdict cache " + file, e);
        }
        if (skipped > 0) {
            LOG.log(System.Logger.Level.WARNING, "verdict cache {0}: skipped {1} unreadable lines", file, skipped);
        }
    }
}
