package dev.pinch.bench;

import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.lm.ByteLevelTokenizer;
import dev.pinch.lm.LlamaConfig;
import dev.pinch.trainer.engine.DjlTrainingEngine;
import dev.pinch.trainer.engine.PretrainJob;
import dev.pinch.trainer.engine.TrainingCallbacks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Training throughput of Pinch's engine (DJL, PyTorch engine) on a tiny Llama, for {@code bin/bench-train},
 * which runs the PyTorch eager reference ({@code bench/src/main/python/train_bench.py}) on the same config
 * and batch shapes. This is the production path: {@link DjlTrainingEngine#pretrain} on packed text, so
 * every batch is {@code [batch, seq]} with no padding. The first window is warmup; the result is the
 * median tokens/s of the timed windows (step time only: progress and checkpoint I/O are outside).
 *
 * <p>Usage: {@code TrainBench SIZE BATCH SEQ WINDOW WINDOWS CONFIG_OUT}, SIZE {@code 1m} or {@code 10m}; it
 * writes the model's config.json to CONFIG_OUT and prints one JSON line.
 */
public final class TrainBench {

    private TrainBench() {
    }

    /** The two bench sizes: about 1M and about 10M parameters, byte-level vocabulary. */
    public static LlamaConfig config(String size) {
        return switch (size) {
            case "1m" -> LlamaConfig.llama(128, 344, 4, 4, 2, 258, 1024, null, 256, 257);
            case "10m" -> LlamaConfig.llama(384, 1024, 6, 6, 2, 258, 1024, null, 256, 257);
            default -> throw new IllegalArgumentException("size must be 1m or 10m: " + size);
        };
    }

    public static void main(String[] args) throws Exception {
        LlamaConfig config = config(args[0]);
        int batch = Integer.parseInt(args[1]);
        int seq = Integer.parseInt(args[2]);
        int window = Integer.parseInt(args[3]);
        int windows = Integer.parseInt(args[4]);
        config.write(Path.of(args[5]));
        int steps = window * (windows + 1);
        Path dir = Files.createTempDirectory("pinch-train-bench");
        try {
            Path tokenizer = dir.resolve("tokenizer.json");
            ByteLevelTokenizer.write(tokenizer);
            Path text = writeText(dir.resolve("text.jsonl"), (long) steps * batch * seq * 11 / 10 + 2L * seq);
            TrainingSettings s = TrainingSettings.from(Map.of("maxSteps", steps, "batchSize", batch,
                    "maxSeqLen", seq, "progressEvery", window, "devEvery", 0, "checkpointEvery", 0,
                    "warmupSteps", 0, "learningRate", 1e-3, "device", "cpu"));
            List<Double> rates = new ArrayList<>();
            TrainingCallbacks callbacks = new TrainingCallbacks() {
                @Override
                public void progress(Progress p) {
                    rates.add(p.tokensPerSecond());
                }

                @Override
                public void checkpoint(Checkpoint c) {
                }
            };
            new DjlTrainingEngine().pretrain(new PretrainJob("bench", text, tokenizer, dir.resolve("work"), null, s),
                    config, callbacks, () -> false);
            List<Double> timed = new ArrayList<>(rates.subList(1, rates.size()));
            List<Double> sorted = new ArrayList<>(timed);
            Collections.sort(sorted);
            long params = (long) config.vocabSize() * config.hiddenSize() * 2 + (long) config.numHiddenLayers()
                    * (2L * config.hiddenSize() + (long) config.hiddenSize() * config.headDim()
                            * (2L * config.numAttentionHeads() + 2L * config.numKeyValueHeads())
                            + 3L * config.hiddenSize() * config.intermediateSize()) + config.hiddenSize();
            System.out.printf("{\"framework\": \"djl\", \"threads\": %s, \"params\": %d, \"tokens_per_s\": %.1f,"
                    + " \"windows\": %s}%n", System.getProperty("ai.djl.pytorch.num_threads", "default"), params,
                    sorted.get(sorted.size() / 2), timed);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Random lowercase words, one JSONL line per ~200 bytes: every byte is one token. */
    private static Path writeText(Path file, long bytes) throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        StringBuilder out = new StringBuilder();
        long written = 0;
        while (written < bytes) {
            StringBuilder line = new StringBuilder();
            while (line.length() < 200) {
                int n = 2 + rnd.nextInt(8);
                for (int i = 0; i < n; i++) {
                    line.append((char) ('a' + rnd.nextInt(26)));
                }
                line.append(' ');
            }
            out.append("{\"lang\":\"xx\",\"text\":\"").append(line).append("\"}\n");
            written += line.length() + 1;
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }
}
