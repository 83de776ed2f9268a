package dev.pinch.bench;

import ai.djl.Device;

import dev.pinch.lm.ByteLevelTokenizer;
import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.LlamaModel;
import dev.pinch.trainer.engine.DjlTrainingEngine;
import dev.pinch.trainer.engine.MemoryEstimate;
import dev.pinch.trainer.engine.TrainingCallbacks;
import dev.pinch.trainer.engine.TrainingJob;
import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.trainer.engine.LoraSpecs;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Peak resident memory and time of one fine-tuning step of a model with Qwen2.5-0.5B's config and random
 * weights, on CPU, through the trainer's engine, for {@code bin/bench-memory}. One variant per JVM:
 * {@code full}, {@code full-ckpt}, {@code lora} (r=16, alpha 32, all projections) or {@code lora-ckpt}. Step 1
 * warms up (and allocates AdamW's moments); steps 2 .. 1 + {@code STEPS} (default 3) are timed, and their median
 * is the step time; during step 2 the process's resident set
 * ({@code VmRSS}) sampled every 20 ms, whose maximum is the step's peak (the kernel's {@code VmHWM} would also
 * count what loading held before the step), and its anonymous part ({@code RssAnon}: without the file pages of
 * the memory-mapped checkpoint, which the kernel can drop). A variant whose estimate does not fit in the
 * machine's available memory with a 3 GB margin is skipped, not run.
 *
 * <p>The random base model is written once by {@code MemoryBench prepare DIR} in a JVM of its own, so that what
 * creating it held (Java arrays, allocator arenas) is not counted: the measured process loads it from disk as
 * the trainer does.
 *
 * <p>Usage: {@code MemoryBench prepare DIR}, then {@code MemoryBench VARIANT BATCH SEQ DIR}; prints one JSON line.
 */
public final class MemoryBench {

    private static final long MARGIN = 3_000_000_000L;

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("prepare")) {
            Path base = Files.createDirectories(Path.of(args[1]));
            try (InputStream in = MemoryBench.class.getResourceAsStream("/qwen2.5-0.5b-config.json")) {
                Files.copy(in, base.resolve("config.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (LlamaModel m = LlamaModel.create(LlamaConfig.read(base.resolve("config.json")), Device.cpu(), 1)) {
                m.save(base);
            }
            ByteLevelTokenizer.write(base.resolve("tokenizer.json"));
            return;
        }
        String variant = args[0];
        int batch = Integer.parseInt(args[1]);
        int seq = Integer.parseInt(args[2]);
        int timed = Integer.parseInt(System.getenv().getOrDefault("STEPS", "3"));
        Map<String, Object> settings = new HashMap<>(Map.of("maxSteps", timed + 2, "batchSize", batch, "maxSeqLen", seq,
                "progressEvery", 1, "devEvery", 0, "checkpointEvery", 0, "warmupSteps", 0, "devExamples", 1,
                "device", "cpu"));
        if (variant.startsWith("lora")) {
            settings.put("lora", Map.of("rank", 16, "alpha", 32));
        }
        settings.put("gradientCheckpointing", variant.endsWith("-ckpt"));
        TrainingSettings s = TrainingSettings.from(settings);
        Path dir = Files.createTempDirectory("pinch-memory-bench");
        try {
            Path base = Path.of(args[3]);
            LlamaConfig config = LlamaConfig.read(base.resolve("config.json"));
            MemoryEstimate e = MemoryEstimate.of(config, batch, seq, LoraSpecs.of(s.lora()), s.gradientCheckpointing());
            long available = memAvailable();
            String head = "{\"variant\":\"%s\",\"batch\":%d,\"seq\":%d,\"estimate_gb\":%.2f,\"estimate\":\"%s\""
                    .formatted(variant, batch, seq, e.total() / 1e9, e.describe());
            if (e.total() + MARGIN > available) {
                System.out.printf("%s,\"skipped\":\"estimate + 3 GB margin exceeds the %.1f GB available\"}%n",
                        head, available / 1e9);
                return;
            }
            Path mix = writeMix(dir.resolve("mix.jsonl"), 4 * batch + 2);
            long[] measured = new long[5];
            List<Double> stepSeconds = new ArrayList<>();
            boolean[] done = {false};
            RssSampler sampler = new RssSampler();
            TrainingCallbacks callbacks = new TrainingCallbacks() {
                @Override
                public void progress(Progress p) {
                    if (p.step() == 1) {
                        System.gc();
                        pause();
                        measured[3] = rss();
                        sampler.start();
                        measured[0] = System.nanoTime();
                    } else {
                        long now = System.nanoTime();
                        stepSeconds.add((now - measured[0]) / 1e9);
                        measured[0] = now;
                        if (p.step() == 2) {
                            measured[2] = sampler.stop();
                            measured[4] = sampler.maxAnon();
                        }
                        if (stepSeconds.size() == timed) {
                            List<Double> sorted = stepSeconds.stream().sorted().toList();
                            System.out.printf("%s,\"peak_rss_gb\":%.2f,\"peak_anon_gb\":%.2f,\"rss_before_step_gb\":"
                                    + "%.2f,\"step_s\":%.2f,\"steps_s\":%s,\"available_gb\":%.1f}%n", head,
                                    measured[2] / 1e9, measured[4] / 1e9, measured[3] / 1e9,
                                    sorted.get(sorted.size() / 2), stepSeconds.stream()
                                    .map(x -> "%.2f".formatted(x)).toList(), available / 1e9);
                            System.out.flush();
                            done[0] = true;
                        }
                    }
                }

                @Override
                public void checkpoint(Checkpoint c) {
                }
            };
            new DjlTrainingEngine().train(new TrainingJob("bench-" + variant, "bench", "mix", mix, "sha", base,
                    dir.resolve("work"), null, s), callbacks, () -> done[0]);
            // the result line was printed after the last timed step, before the run writes its final checkpoint
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Examples long enough that every sequence is {@code seq} tokens after truncation (no padding). */
    private static Path writeMix(Path file, int n) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = ("example " + i + " says the quick brown fox jumps over the lazy dog. ").repeat(60);
            rows.add("{\"id\":\"ex-%d\",\"lang\":\"en\",\"task\":\"copy\",\"split\":\"train\",\"instruction\":\"%s\","
                    .formatted(i, text) + "\"response\":\"%s\"}".formatted(text));
        }
        Files.write(file, rows);
        return file;
    }

    private static void pause() {
        try {
            Thread.sleep(2000); // lets the cleaners unmap the loaded checkpoint's buffers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long rss() {
        return kb("/proc/self/status", "VmRSS:");
    }

    /** The largest resident set seen between start and stop, sampled every 20 ms on a daemon thread. */
    static final class RssSampler {
        private volatile boolean running;
        private volatile long max;
        private volatile long maxAnon;
        private Thread thread;

        void start() {
            running = true;
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    max = Math.max(max, rss());
                    maxAnon = Math.max(maxAnon, kb("/proc/self/status", "RssAnon:"));
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Math.max(max, rss());
        }

        /** The largest anonymous resident set (RSS less file-backed pages such as the mapped checkpoint). */
        long maxAnon() {
            return maxAnon;
        }
    }

    private static long memAvailable() {
        return kb("/proc/meminfo", "MemAvailable:");
    }

    private static long kb(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(key + " not in " + file);
    }
}
