package dev.pinch.trainer.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pinch.events.settings.TrainingSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A mix, tokenized in the prompt format and split into training and dev sequences.
 *
 * <p>The dev set: rows whose {@code split} is {@code dev} when the mix has any (a user's mix may carry
 * them); otherwise, when the dev loss is on ({@code devEvery > 0}), the {@code devExamples} example ids
 * with the smallest seeded hash (at most a tenth of the ids), every row of those ids. The hash depends
 * only on (seed, id), so parallel mixes hold out the same ids, independent of file order, and a held-out
 * id's translations are held out with it. Held-out rows are never trained on; their ids go into
 * trainer_state.json. Rows with {@code split=test} are skipped. Examples whose response is truncated away
 * entirely (no target token left) are dropped and counted.
 *
 * @param dropped examples without any target token after truncation to maxSeqLen
 */
record SftData(List<TokenSequence> train, List<TokenSequence> dev, List<String> heldOutIds, int dropped) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Row(String id, String split, String instruction, String response) {
    }

    static SftData load(Path mixFile, TrainingTokenizer tokenizer, TrainingSettings s) throws IOException {
        List<Row> rows = read(mixFile);
        boolean hasDevSplit = rows.stream().anyMatch(r -> "dev".equals(r.split()));
        Set<String> heldOut = hasDevSplit || s.devEvery() == 0 ? Set.of() : heldOutIds(rows, s);
        List<TokenSequence> train = new ArrayList<>();
        List<TokenSequence> dev = new ArrayList<>();
        int dropped = 0;
        for (Row r : rows) {
            if ("test".equals(r.split())) {
                continue;
            }
            TokenSequence seq = tokenizer.example(r.instruction(), r.response(), s.maxSeqLen()).withSource(r.id());
            if (seq.targetCount() == 0) {
                dropped++;
                continue;
            }
            boolean isDev = hasDevSplit ? "dev".equals(r.split()) : heldOut.contains(r.id());
            (isDev ? dev : train).add(seq);
        }
        List<String> ids = heldOut.stream().sorted().toList();
        return new SftData(List.copyOf(train), List.copyOf(dev), ids, dropped);
    }

    static List<Row> read(Path mixFile) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(mixFile, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode j = JSON.readTree(line);
                if (!j.hasNonNull("instruction") || !j.hasNonNull("response")) {
                    throw new IOException(mixFile + " line " + n + ": needs instruction and response");
                }
                rows.add(new Row(j.path("id").asText("line-" + n), j.path("split").asText("train"),
                        j.get("instruction").asText(), j.get("response").asText()));
            }
        }
        return rows;
    }

    /** The first {@code devExamples} ids by seeded hash, at most a tenth of the distinct ids. */
    static Set<String> heldOutIds(List<Row> rows, TrainingSettings s) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.id()));
        int k = Math.min(s.devExamples(), ids.size() / 10);
        List<String> sorted = ids.stream()
                .sorted(Comparator.comparingLong((String id) -> hash(s.seed(), id)).thenComparing(id -> id))
                .limit(k).toList();
        return new LinkedHashSet<>(sorted);
    }

    /** FNV-1a over the id's UTF-8 bytes, seeded, with a SplitMix64 finaliser: stable across JVMs. */
    static long hash(long seed, String id) {
        long h = 0xcbf29ce484222325L ^ seed * 0x9E3779B97F4A7C15L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
