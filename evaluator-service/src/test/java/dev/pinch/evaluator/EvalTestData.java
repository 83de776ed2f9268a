package dev.pinch.evaluator;

import ai.djl.Device;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.DesignRef;
import dev.pinch.events.EventCodec;
import dev.pinch.events.Events;
import dev.pinch.lm.ByteLevelTokenizer;
import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.LlamaModel;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small parallel corpus (en, fi, sw; topic and translation prompts) and tiny random Llama checkpoints written into
 * the test store the way dataset-service and trainer-service lay them out, and CheckpointReady events for them.
 */
public final class EvalTestData {

    /** The corpus name and version the tests register. */
    public static final String CORPUS = "evaltest";
    public static final String VERSION = "1";
    /** Its eval set name (test split). */
    public static final String EVAL_SET = CORPUS + "-" + VERSION + "-test";
    /** The prompt template the tiny checkpoints record in trainer_state.json. */
    public static final String TEMPLATE = "<user>{instruction}</user>\n<bot>";

    private static final String[][] EXAMPLES = {
        {"t1", "topic", "en", "Name the topic of this sentence: The team won the final match.", "sports"},
        {"t1", "topic", "fi", "Nimeä lauseen aihe: Joukkue voitti loppuottelun.", "urheilu"},
        {"t1", "topic", "sw", "Taja mada ya sentensi hii: Timu ilishinda mechi ya fainali.", "michezo"},
        {"t2", "topic", "en", "Name the topic of this sentence: Parliament passed the new budget.", "politics"},
        {"t2", "topic", "fi", "Nimeä lauseen aihe: Eduskunta hyväksyi uuden budjetin.", "politiikka"},
        {"t2", "topic", "sw", "Taja mada ya sentensi hii: Bunge lilipitisha bajeti mpya.", "siasa"},
        {"t3", "translation", "en", "Translate into English: Habari za asubuhi, rafiki yangu.", "Good morning, my friend."},
        {"t3", "translation", "fi", "Käännä suomeksi: The weather is cold today.", "Tänään on kylmä sää."},
        {"t3", "translation", "sw", "Tafsiri kwa Kiswahili: The weather is cold today.", "Hali ya hewa ni baridi leo."},
        {"t4", "translation", "en", "Translate into English: Kirja on pöydällä.", "The book is on the table."},
        {"t4", "translation", "fi", "Käännä suomeksi: The book is on the table.", "Kirja on pöydällä."},
        {"t4", "translation", "sw", "Tafsiri kwa Kiswahili: The book is on the table.", "Kitabu kiko mezani."},
    };

    private EvalTestData() {
    }

    public static String newExperimentId() {
        return "e-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers the corpus (test split as above, plus one train example per language). */
    public static void writeCorpus(ArtifactStore store) throws IOException {
        String prefix = "corpora/" + CORPUS + "/" + VERSION + "/";
        if (store.find(prefix + "manifest.json").isPresent()) {
            return;
        }
        StringBuilder jsonl = new StringBuilder();
        for (String[] e : EXAMPLES) {
            jsonl.append(line(e, "test"));
        }
        for (String lang : List.of("en", "fi", "sw")) {
            jsonl.append(line(new String[] {"x1", "topic", lang, "train " + lang, "x"}, "train"));
        }
        Artifact examples = store.writeBytes(prefix + "examples.jsonl", jsonl.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", CORPUS);
        manifest.put("version", VERSION);
        manifest.put("languages", List.of("en", "fi", "sw"));
        manifest.put("examplesUri", examples.uri().toString());
        store.writeBytes(prefix + "manifest.json", EventCodec.encode(manifest).getBytes(StandardCharsets.UTF_8));
    }

    private static String line(String[] e, String split) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e[0]);
        m.put("lang", e[2]);
        m.put("task", e[1]);
        m.put("split", split);
        m.put("instruction", e[3]);
        m.put("response", e[4]);
        return EventCodec.encode(m) + "\n";
    }

    /** A tiny random Llama over the byte-level tokenizer (hidden 32, 2 layers, 256 positions). */
    public static LlamaConfig tinyConfig() {
        return LlamaConfig.llama(32, 64, 2, 4, 2, 258, 256, null, 256, 257);
    }

    /** Writes a tiny checkpoint directory (weights seeded by {@code seed}) as the trainer lays it out. */
    public static Path writeCheckpointDir(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        try (LlamaModel model = LlamaModel.create(tinyConfig(), Device.cpu(), seed)) {
            model.save(dir);
        }
        ByteLevelTokenizer.write(dir.resolve("tokenizer.json"));
        Files.writeString(dir.resolve("trainer_state.json"), EventCodec.encode(Map.of("format", 1, "kind", "sft",
                "step", 4, "settings", Map.of("promptTemplate", TEMPLATE))));
        return dir;
    }

    /**
     * Publishes a tiny checkpoint to {@code checkpoints/<runId>/step-000004}, and a minimal record of its experiment
     * (the run id's first segment) unless there is one: the evaluator evaluates checkpoints of stored experiments only.
     */
    public static Artifact storeCheckpoint(ArtifactStore store, String runId, long seed) throws IOException {
        storeExperiment(store, runId.substring(0, runId.indexOf('.') < 0 ? runId.length() : runId.indexOf('.')));
        Path tmp = Files.createTempDirectory("ckpt");
        writeCheckpointDir(tmp.resolve("c"), seed);
        return store.writeDirectory("checkpoints/" + runId + "/step-000004", tmp.resolve("c"));
    }

    /** A minimal record of {@code experiment} in the store, unless there is one (as the dataset-service writes it). */
    public static void storeExperiment(ArtifactStore store, String experiment) throws IOException {
        if (store.find("experiments/" + experiment + "/experiment.json").isEmpty()) {
            store.writeBytes("experiments/" + experiment + "/experiment.json",
                    EventCodec.encode(Map.of("id", experiment)).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A design of the given type over languages. */
    public static DesignRef design(String type, String... languages) {
        return new DesignRef(type, type, List.of(languages), Map.of());
    }

    /** The CheckpointReady of a stored checkpoint of mix {@code <experiment>.<mixName>}. */
    public static CheckpointReady checkpointReady(String experimentId, String mixName, DesignRef design,
            Artifact checkpoint, String sha256, boolean isFinal, Map<String, Object> evalConfig) {
        return checkpointReady(experimentId, mixName, design, checkpoint, sha256, isFinal, evalConfig, null);
    }

    /** The same for one training seed of an experiment with {@code seeds} (run id {@code <mix>.seed<N>.abc123}). */
    public static CheckpointReady checkpointReady(String experimentId, String mixName, DesignRef design,
            Artifact checkpoint, String sha256, boolean isFinal, Map<String, Object> evalConfig, Long trainingSeed) {
        String runId = experimentId + "." + mixName + (trainingSeed == null ? "" : ".seed" + trainingSeed) + ".abc123";
        return new CheckpointReady(Events.newId(), CheckpointReady.TYPE, experimentId, Events.now(), runId,
                runId + ".step-000004", experimentId + "." + mixName, design, 4, isFinal, checkpoint.uri().toString(),
                sha256, "builtin:test", "cpu()", "fp32", evalConfig, trainingSeed);
    }

    /** An eval config for the test corpus: en and fi, 12 new tokens, batches of 3. */
    public static Map<String, Object> evalConfig() {
        Map<String, Object> eval = new LinkedHashMap<>();
        eval.put("corpus", CORPUS);
        eval.put("languages", List.of("en", "fi"));
        eval.put("maxNewTokens", 12);
        eval.put("batchSize", 3);
        return eval;
    }
}
