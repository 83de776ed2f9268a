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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Pretraining data: every {@code text} line of a JSONL file tokenized, followed by EOS, concatenated and
 * cut into windows of {@code maxSeqLen} tokens (the tail shorter than a window is dropped). Every token of
 * a window is a target, so no position is padding. When the dev loss is on, {@code devExamples} windows
 * (at most a tenth) chosen by seeded hash of their index are held out. {@link CopyDrills} add drill windows to the
 * training ones and make the lead phase's windows (the separator after each writing is the encoding of a newline).
 *
 * @param lead   the drill windows trained on alone before the text ({@link CopyDrills#leadSteps()})
 * @param tokens all tokens of the file, EOS included
 * @param drills how many of the training windows are copy drills
 */
record PackedText(List<TokenSequence> lead, List<TokenSequence> train, List<TokenSequence> dev, long tokens,
        int drills) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static PackedText load(Path textFile, TrainingTokenizer tokenizer, TrainingSettings s) throws IOException {
        return load(textFile, tokenizer, s, CopyDrills.NONE);
    }

    static PackedText load(Path textFile, TrainingTokenizer tokenizer, TrainingSettings s, CopyDrills drills)
            throws IOException {
        int[] stream = tokenize(textFile, tokenizer);
        int len = s.maxSeqLen();
        int windows = stream.length / len;
        if (windows < 2) {
            throw new IOException(textFile + " has " + stream.length + " tokens: too few for two windows of "
                    + len);
        }
        Set<Integer> held = new HashSet<>();
        if (s.devEvery() > 0) {
            IntStream.range(0, windows).boxed()
                    .sorted(Comparator.comparingLong(i -> SftData.hash(s.seed(), "window-" + i)))
                    .limit(Math.min(s.devExamples(), windows / 10)).forEach(held::add);
        }
        List<TokenSequence> train = new ArrayList<>(windows);
        List<TokenSequence> dev = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            TokenSequence seq = TokenSequence.allTargets(Arrays.copyOfRange(stream, w * len, (w + 1) * len));
            (held.contains(w) ? dev : train).add(seq);
        }
        CopyDrills.Alphabet alphabet = new CopyDrills.Alphabet(stream, tokenizer.encode("\n"),
                new HashSet<>(List.of(tokenizer.eosId(), tokenizer.padId())), tokenizer.vocabSize());
        List<TokenSequence> drilled = drills.windows(alphabet, train.size(), len, s.seed());
        train.addAll(drilled);
        List<TokenSequence> lead = drills.lead(alphabet, s.batchSize() * s.gradAccumulation(), s.seed());
        return new PackedText(lead, List.copyOf(train), List.copyOf(dev), stream.length, drilled.size());
    }

    private static int[] tokenize(Path textFile, TrainingTokenizer tokenizer) throws IOException {
        int[] buffer = new int[1 << 20];
        int size = 0;
        try (BufferedReader in = Files.newBufferedReader(textFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode j = JSON.readTree(line);
                String text = j.path("text").asText("");
                if (text.isEmpty()) {
                    continue;
                }
                int[] ids = tokenizer.encode(text);
                if (size + ids.length + 1 > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + ids.length + 1));
                }
                System.arraycopy(ids, 0, buffer, size, ids.length);
                size += ids.length;
                buffer[size++] = tokenizer.eosId();
            }
        }
        return Arrays.copyOf(buffer, size);
    }
}
