package dev.pinch.evaluator.bench;

import com.google.gson.Gson;
import dev.pinch.lm.LlamaModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link GenerationBench} leaves for the PyTorch baseline ({@code bench/src/main/python/generate_bench.py}) and
 * for {@code bin/bench-generate}'s table, under {@code DIR/SIZE/}: the timed model as a Hugging Face directory
 * ({@code config.json}, fp32 {@code model.safetensors}), the prompts' token ids ({@code prompts.json}), and one JSON
 * line per number of new tokens in {@code pinch.jsonl}: Pinch's cached tokens/s (median), the uncached one when it
 * was measured, and the tokens of the cached warm-up run, so that both frameworks' greedy tokens can be compared.
 *
 * @param dir the directory given by {@code -Dbench.out}
 */
record GenerationExport(Path dir) {

    private static final Gson GSON = new Gson();

    /** @return the export asked for by {@code -Dbench.out=DIR}, or null when none was */
    static GenerationExport fromProperty() {
        String out = System.getProperty("bench.out");
        return out == null || out.isBlank() ? null : new GenerationExport(Path.of(out));
    }

    /** Writes the model (exactly the weights that are timed) and the prompts under {@code DIR/size}. */
    void model(String size, LlamaModel model, List<int[]> prompts) {
        Path d = dir.resolve(size);
        model.save(d);
        write(d.resolve("prompts.json"), GSON.toJson(prompts) + "\n", false);
    }

    /**
     * Appends one case's result to {@code DIR/size/pinch.jsonl}.
     *
     * @param uncached {median tokens/s, timed runs} without the cache, or null when not measured
     * @param sameAsUncached whether cached and uncached decoding gave the same tokens, or null when not measured
     */
    void result(String size, long params, int newTokens, double[] cached, double[] uncached, Boolean sameAsUncached,
            List<int[]> tokens) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("framework", "pinch");
        m.put("size", size);
        m.put("params", params);
        m.put("new_tokens", newTokens);
        m.put("tokens_per_s", cached[0]);
        m.put("runs", (int) cached[1]);
        m.put("no_cache_tokens_per_s", uncached == null ? null : uncached[0]);
        m.put("same_as_no_cache", sameAsUncached);
        m.put("tokens", tokens);
        write(dir.resolve(size).resolve("pinch.jsonl"), GSON.toJson(m) + "\n", true);
    }

    private static void write(Path file, String text, boolean append) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
