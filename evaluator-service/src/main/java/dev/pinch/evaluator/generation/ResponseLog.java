package dev.pinch.evaluator.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinch.events.EventCodec;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The responses of one checkpoint to one eval set, in the artifact store: one JSONL file per language
 * ({@code evaluations/<experiment>/<checkpoint>/responses/<evalSet>/<lang>.jsonl}), rewritten atomically with each
 * finished batch appended, so a crash loses at most the batch in progress and a restart continues after the last
 * stored one; and {@code complete.json} once every language is done (what SxS of other checkpoints waits for).
 */
public final class ResponseLog {

    private static final ObjectMapper JSON = EventCodec.mapper();

    private final ArtifactStore store;
    private final String prefix;

    /**
     * @param store        the artifact store
     * @param experimentId the experiment
     * @param checkpointId the checkpoint that responded
     * @param evalSet      the eval set
     */
    public ResponseLog(ArtifactStore store, String experimentId, String checkpointId, String evalSet) {
        this.store = store;
        this.prefix = "evaluations/" + experimentId + "/" + checkpointId + "/responses/" + evalSet + "/";
    }

    /** The stored responses in {@code lang} by prompt id, in the order they were stored (none: empty). */
    public Map<String, GeneratedResponse> read(String lang) {
        Map<String, GeneratedResponse> out = new LinkedHashMap<>();
        for (String line : new String(bytes(lang), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    GeneratedResponse r = JSON.readValue(line, GeneratedResponse.class);
                    out.put(r.id(), r);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(prefix + lang + ".jsonl has an unreadable line: " + e.getMessage());
                }
            }
        }
        return out;
    }

    /** Appends a finished batch to the language's file (an atomic rewrite: readers see all of it or none). */
    public void append(String lang, List<GeneratedResponse> batch) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes(lang));
            for (GeneratedResponse r : batch) {
                out.write(JSON.writeValueAsBytes(r));
                out.write('\n');
            }
            store.writeBytes(prefix + lang + ".jsonl", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store responses under " + prefix, e);
        }
    }

    /** Records that every language is complete, with the number of responses per language. */
    public Artifact markComplete(Map<String, Integer> counts) {
        try {
            return store.writeBytes(prefix + "complete.json", JSON.writeValueAsBytes(Map.of("responses", counts)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + prefix + "complete.json", e);
        }
    }

    /** Whether every language was generated. */
    public boolean complete() {
        try {
            return store.locate(prefix + "complete.json").isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytes(String lang) {
        try {
            Optional<java.net.URI> file = store.locate(prefix + lang + ".jsonl");
            return file.isEmpty() ? new byte[0] : store.readBytes(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read responses under " + prefix, e);
        }
    }
}
