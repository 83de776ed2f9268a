package dev.pinch.trainer;

import dev.pinch.events.CorpusRef;
import dev.pinch.events.DesignRef;
import dev.pinch.events.EventCodec;
import dev.pinch.events.Events;
import dev.pinch.events.MixReady;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small mixes and a small built-in corpus written into the test store, and MixReady events for them. */
public final class TestData {

    /** The corpus the tests register as the built-in one (its text pretrains the built-in base model). */
    public static final CorpusRef CORPUS = new CorpusRef("builtin", "test-1", "0".repeat(64));

    private static final String[][] PAIRS = {
        {"en", "Name the topic of this sentence: The team won the final match.", "sports"},
        {"en", "Continue the news story: The minister arrived in the capital on Monday.", "She met the president."},
        {"en", "Translate into English: Habari za asubuhi.", "Good morning."},
        {"sw", "Taja mada ya sentensi hii: Timu ilishinda mechi ya fainali.", "michezo"},
        {"sw", "Endelea na habari: Waziri aliwasili mjini Jumatatu.", "Alikutana na rais."},
        {"fi", "Nimeä lauseen aihe: Joukkue voitti loppuottelun.", "urheilu"},
        {"fi", "Jatka uutista: Ministeri saapui pääkaupunkiin maanantaina.", "Hän tapasi presidentin."},
        {"es", "Nombra el tema de esta frase: El equipo ganó la final.", "deportes"},
        {"es", "Continúa la noticia: El ministro llegó a la capital el lunes.", "Se reunió con el presidente."},
        {"ru", "Назови тему предложения: Команда выиграла финал.", "спорт"},
    };

    private TestData() {
    }

    public static String newExperimentId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Writes a mix of {@code count} examples (cycling through a few languages and tasks) as JSONL. */
    public static Artifact writeMix(ArtifactStore store, String mixId, int count) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String[] p = PAIRS[i % PAIRS.length];
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", "ex-" + i);
            line.put("lang", p[0]);
            line.put("task", i % 2 == 0 ? "topic" : "continuation");
            line.put("split", "train");
            line.put("instruction", p[1] + " (" + i + ")");
            line.put("response", p[2]);
            jsonl.append(EventCodec.encode(line)).append('\n');
        }
        return store.writeBytes("mixes/" + mixId + ".jsonl", jsonl.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Registers {@link #CORPUS} with a small text.jsonl, the way dataset-service lays corpora out. */
    public static void writeBuiltinCorpus(ArtifactStore store) throws IOException {
        String prefix = "corpora/" + CORPUS.name() + "/" + CORPUS.version() + "/";
        if (store.find(prefix + "manifest.json").isPresent()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            String[] p = PAIRS[i % PAIRS.length];
            text.append(EventCodec.encode(Map.of("lang", p[0], "text", p[1] + " " + p[2]))).append('\n');
        }
        Artifact textFile = store.writeBytes(prefix + "text.jsonl", text.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", CORPUS.name());
        manifest.put("version", CORPUS.version());
        manifest.put("languages", List.of("en", "es", "fi", "ru", "sw"));
        manifest.put("examplesUri", store.uri(prefix + "examples.jsonl").toString());
        manifest.put("textUri", textFile.uri().toString());
        store.writeBytes(prefix + "manifest.json", EventCodec.encode(manifest).getBytes(StandardCharsets.UTF_8));
    }

    /** A MixReady for a stored mix; {@code sha256} may differ from the artifact's, to test the check. */
    public static MixReady mixReady(String experimentId, String mixId, Artifact mix, String sha256,
            Map<String, Object> training) {
        MixReady event = new MixReady(Events.newId(), MixReady.TYPE, experimentId, Events.now(), mixId,
                new DesignRef("pinch", "sweep", List.of("en", "sw", "fi"), Map.of("percent", "10")),
                Map.of("en", 10), 10, CORPUS, mix.uri().toString(), sha256, training,
                Map.of("languages", List.of("en", "sw")), null);
        if (io.quarkus.arc.Arc.container() != null && io.quarkus.arc.Arc.container().isRunning()) {
            announce(io.quarkus.arc.Arc.container().instance(ArtifactStore.class).get(), event);
        }
        return event;
    }

    /**
     * Stores (or extends) the experiment record the dataset-service writes before announcing {@code event}: its mix
     * (id, artifact, sha256), training config and seed. The trainer refuses a MixReady without it.
     */
    public static MixReady announce(ArtifactStore store, MixReady event) {
        try {
            String key = "experiments/" + event.experimentId() + "/experiment.json";
            var json = EventCodec.mapper();
            var record = store.find(key).isPresent()
                    ? (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(store.readBytes(store.uri(key)))
                    : json.createObjectNode().put("id", event.experimentId());
            var spec = record.with("spec");
            spec.set("training", json.valueToTree(event.trainingConfig() == null ? Map.of() : event.trainingConfig()));
            if (event.seed() != null) {
                spec.withArray("seeds").add(event.seed());
            }
            var mixes = record.withArray("mixes");
            for (int i = mixes.size() - 1; i >= 0; i--) {
                if (mixes.get(i).path("id").asText().equals(event.mixId())) {
                    mixes.remove(i);
                }
            }
            mixes.addObject().put("id", event.mixId()).put("uri", event.artifactUri()).put("sha256", event.sha256());
            store.writeBytes(key, json.writeValueAsBytes(record));
            return event;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A training config small enough for a test: a few steps of the built-in model, a checkpoint every 2 steps,
     * progress every step.
     */
    public static Map<String, Object> tinyTraining(int maxSteps) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("maxSteps", maxSteps);
        training.put("batchSize", 4);
        training.put("maxSeqLen", 256);
        training.put("warmupSteps", 1);
        training.put("checkpointEvery", 2);
        training.put("progressEvery", 1);
        training.put("devEvery", 0);
        training.put("devExamples", 4);
        training.put("device", "cpu");
        return training;
    }
}
