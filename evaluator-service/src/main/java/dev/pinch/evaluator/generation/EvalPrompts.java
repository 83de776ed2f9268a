package dev.pinch.evaluator.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads eval prompts: a corpus's examples of one split (dataset-service's {@code examples.jsonl}: {@code id, lang,
 * task, split, instruction, response}, the response being the reference), or a user's JSONL ({@code id, lang,
 * instruction}, optional {@code reference} and {@code task}); and selects the prompts of each eval language.
 */
public final class EvalPrompts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalPrompts() {
    }

    /** The examples of {@code split} in a corpus's examples.jsonl. */
    public static List<EvalPrompt> fromCorpus(InputStream examples, String split) throws IOException {
        List<EvalPrompt> out = new ArrayList<>();
        read(examples, (line, n) -> {
            if (split.equals(n.path("split").asText())) {
                out.add(new EvalPrompt(text(n, "id", line, true), text(n, "lang", line, true),
                        text(n, "task", line, false), text(n, "instruction", line, true),
                        text(n, "response", line, false)));
            }
        });
        return out;
    }

    /**
     * A user's prompts.
     *
     * @throws IllegalArgumentException naming the line and field of the first invalid line, or a repeated id
     */
    public static List<EvalPrompt> fromUserJsonl(InputStream jsonl) throws IOException {
        List<EvalPrompt> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        read(jsonl, (line, n) -> {
            EvalPrompt p = new EvalPrompt(text(n, "id", line, true), text(n, "lang", line, true),
                    text(n, "task", line, false), text(n, "instruction", line, true), text(n, "reference", line, false));
            if (!seen.add(p.lang() + "\u0000" + p.id())) {
                throw new IllegalArgumentException("line " + line + ": id '" + p.id() + "' repeats in " + p.lang());
            }
            out.add(p);
        });
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no prompts in the file");
        }
        return out;
    }

    /** The languages the prompts are in, sorted. */
    public static Set<String> languages(List<EvalPrompt> prompts) {
        Set<String> langs = new java.util.TreeSet<>();
        prompts.forEach(p -> langs.add(p.lang()));
        return langs;
    }

    /**
     * The prompts of each language, in {@code languages} order: a sample stratified by task and seeded. Within each
     * task, prompts are ranked by a seeded hash of their id (not of the language, so a parallel eval set gives every
     * language the same ids); the sample takes one prompt of each task in turn (tasks in name order), until
     * {@code max} per language (0: all). Deterministic for a seed, and each task gets its share however the ids run
     * (a corpus's first ids often come from its first documents).
     */
    public static Map<String, List<EvalPrompt>> select(List<EvalPrompt> all, List<String> languages, int max,
            long seed) {
        Map<String, List<EvalPrompt>> out = new LinkedHashMap<>();
        for (String lang : languages) {
            Map<String, List<EvalPrompt>> byTask = new TreeMap<>();
            all.stream().filter(p -> p.lang().equals(lang))
                    .sorted(Comparator.comparingLong((EvalPrompt p) -> rank(seed, p.id())).thenComparing(EvalPrompt::id))
                    .forEach(p -> byTask.computeIfAbsent(p.task() == null ? "" : p.task(), t -> new ArrayList<>()).add(p));
            List<EvalPrompt> picked = new ArrayList<>();
            int limit = max <= 0 ? Integer.MAX_VALUE : max;
            for (int i = 0; picked.size() < limit; i++) {
                int before = picked.size();
                for (List<EvalPrompt> task : byTask.values()) {
                    if (i < task.size() && picked.size() < limit) {
                        picked.add(task.get(i));
                    }
                }
                if (picked.size() == before) {
                    break;
                }
            }
            out.put(lang, picked);
        }
        return out;
    }

    /** A seeded, platform-independent rank of an id: the first 8 bytes of sha256(seed ":" id). */
    static long rank(long seed, String id) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(d, 0, Long.BYTES).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private interface LineHandler {
        void accept(int line, JsonNode node);
    }

    private static void read(InputStream in, LineHandler handler) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String text;
        int line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalArgumentException("line " + line + ": not JSON");
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException("line " + line + ": not a JSON object");
            }
            handler.accept(line, node);
        }
    }

    private static String text(JsonNode node, String field, int line, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("line " + line + ": field " + field + " is required");
            }
            return null;
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            throw new IllegalArgumentException("line " + line + ": field " + field + " must be a non-empty string");
        }
        return v.asText();
    }
}
