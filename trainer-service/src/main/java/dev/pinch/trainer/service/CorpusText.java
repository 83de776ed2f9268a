package dev.pinch.trainer.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.events.CorpusRef;
import dev.pinch.events.EventCodec;
import dev.pinch.store.ArtifactStore;
import dev.pinch.trainer.config.TrainerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.net.URI;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/**
 * Finds the raw pretraining text ({@code text.jsonl}) of the built-in corpus through its manifest,
 * {@code corpora/<name>/<version>/manifest.json}, field {@code textUri}, as dataset-service registers it.
 */
@ApplicationScoped
public class CorpusText {

    /** Digit runs compare as numbers: {@code 2 < 10}. */
    static final Comparator<String> VERSION_ORDER = Comparator.comparing(CorpusText::pad)
            .thenComparing(Comparator.naturalOrder());

    private final ArtifactStore store;
    private final TrainerConfig config;

    public CorpusText(ArtifactStore store, TrainerConfig config) {
        this.store = store;
        this.config = config;
    }

    /**
     * The text file of {@code pinch.trainer.builtin-corpus}: of the configured version, else of the mix's version
     * when the mix comes from that corpus, else of the latest version in the store.
     */
    public Path textFile(CorpusRef mixCorpus) throws IOException {
        String name = config.builtinCorpus();
        String version = config.builtinCorpusVersion()
                .or(() -> mixCorpus != null && name.equals(mixCorpus.name()) ? Optional.ofNullable(mixCorpus.version())
                        : Optional.empty())
                .orElseGet(() -> latest(name));
        String key = "corpora/" + name + "/" + version + "/manifest.json";
        if (store.locate(key).isEmpty()) {
            throw new RunFailure("built-in base model: corpus " + name + " version " + version
                    + " is not in the artifact store (" + key + "); dataset-service registers it at start-up");
        }
        JsonNode manifest = EventCodec.mapper().readTree(store.readBytes(store.uri(key)));
        String textUri = manifest.path("textUri").asText(null);
        if (textUri == null || textUri.isBlank()) {
            throw new RunFailure("built-in base model: corpus " + name + " version " + version
                    + " has no pretraining text (manifest field textUri is empty)");
        }
        return store.localPath(URI.create(textUri));
    }

    /** The {@code text} of every line of a corpus's text.jsonl, in file order. */
    public static List<String> lines(Path textFile) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(textFile, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    String text = EventCodec.mapper().readTree(line).path("text").asText("");
                    if (!text.isEmpty()) {
                        out.add(text);
                    }
                }
            }
        }
        return out;
    }

    private String latest(String name) {
        try {
            return store.list("corpora/" + name).stream()
                    .filter(k -> k.endsWith("/manifest.json") && k.split("/").length == 4)
                    .map(k -> k.split("/")[2])
                    .max(VERSION_ORDER)
                    .orElseThrow(() -> new RunFailure("built-in base model: no version of corpus " + name
                            + " in the artifact store; dataset-service registers it at start-up"));
        } catch (IOException e) {
            throw new RunFailure("built-in base model: cannot list corpus " + name + ": " + e.getMessage(), e);
        }
    }

    /** Left-pads every digit run to 12 digits so that text order is numeric order. */
    private static String pad(String version) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(version);
        int last = 0;
        while (m.find()) {
            out.append(version, last, m.start()).append("0".repeat(Math.max(0, 12 - m.group().length())))
                    .append(m.group());
            last = m.end();
        }
        return out.append(version.substring(last)).toString();
    }
}
