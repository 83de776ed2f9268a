package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pinch.events.settings.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftDataTest {

    @TempDir
    Path tmp;

    /** One token per character; targets on the response and a closing EOS (id 0). */
    static final TrainingTokenizer CHARS = new TrainingTokenizer() {
        @Override
        public TokenSequence example(String instruction, String response, int maxLen) {
            int n = Math.min(maxLen, instruction.length() + response.length() + 1);
            int[] ids = new int[n];
            byte[] targets = new byte[n];
            for (int i = 0; i < n; i++) {
                boolean inResponse = i >= instruction.length();
                ids[i] = i < instruction.length() + response.length()
                        ? (inResponse ? response.charAt(i - instruction.length()) : instruction.charAt(i)) : 0;
                targets[i] = (byte) (inResponse ? 1 : 0);
            }
            return new TokenSequence(ids, targets);
        }

        @Override
        public int[] encode(String text) {
            return text.chars().toArray();
        }

        @Override
        public int eosId() {
            return 0;
        }

        @Override
        public int padId() {
            return 0;
        }

        @Override
        public int vocabSize() {
            return 128;
        }
    };

    @Test
    void holdsOutIdsBySeededHashIndependentOfFileOrderAndLanguage() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(row("id-" + i, i % 2 == 0 ? "en" : "fi", "train", "instruction " + i, "answer"));
        }
        TrainingSettings s = TrainingSettings.from(Map.of("devExamples", 6));
        SftData a = SftData.load(write("a.jsonl", rows), CHARS, s);
        List<Map<String, String>> reversed = new ArrayList<>(rows.reversed());
        SftData b = SftData.load(write("b.jsonl", reversed), CHARS, s);
        assertThat(a.heldOutIds()).hasSize(6).isEqualTo(b.heldOutIds());
        assertThat(a.dev()).hasSize(6);
        assertThat(a.train()).hasSize(94);
        SftData other = SftData.load(write("c.jsonl", rows), CHARS, TrainingSettings.from(Map.of("devExamples", 6,
                "seed", 2)));
        assertThat(other.heldOutIds()).isNotEqualTo(a.heldOutIds());
        SftData none = SftData.load(write("d.jsonl", rows), CHARS, TrainingSettings.from(Map.of("devEvery", 0)));
        assertThat(none.dev()).isEmpty();
        assertThat(none.train()).hasSize(100);
    }

    @Test
    void usesTheMixsOwnDevRowsWhenItHasThemAndSkipsTestRows() throws Exception {
        List<Map<String, String>> rows = List.of(row("a", "en", "train", "q1", "r1"), row("b", "en", "dev", "q2", "r2"),
                row("c", "en", "test", "q3", "r3"), row("d", "en", "train", "q4", "r4"));
        SftData d = SftData.load(write("m.jsonl", rows), CHARS, TrainingSettings.defaults());
        assertThat(d.train()).hasSize(2);
        assertThat(d.dev()).hasSize(1);
        assertThat(d.heldOutIds()).isEmpty();
    }

    @Test
    void dropsExamplesWhoseResponseIsTruncatedAway() throws Exception {
        List<Map<String, String>> rows = List.of(row("a", "en", "train", "x".repeat(20), "r"),
                row("b", "en", "train", "short", "r"));
        SftData d = SftData.load(write("t.jsonl", rows), CHARS, TrainingSettings.from(Map.of("maxSeqLen", 10,
                "devEvery", 0)));
        assertThat(d.train()).hasSize(1);
        assertThat(d.dropped()).isEqualTo(1);
    }

    @Test
    void packsTextIntoFullWindowsWithEosBetweenLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add("{\"lang\":\"en\",\"text\":\"line " + i + "\"}");
        }
        Path text = tmp.resolve("text.jsonl");
        Files.write(text, lines);
        PackedText p = PackedText.load(text, CHARS, TrainingSettings.from(Map.of("maxSeqLen", 16, "devExamples", 2)));
        assertThat(p.train()).allMatch(w -> w.length() == 16 && w.targetCount() == 15);
        assertThat(p.dev()).hasSize(2);
        assertThat(p.train().size() + p.dev().size()).isEqualTo((int) (p.tokens() / 16));
        assertThat(p.train().get(0).ids()).contains(0);
    }

    @Test
    void copyDrillsJoinTheTrainingWindowsAndNeverTheDevOnes() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add("{\"lang\":\"en\",\"text\":\"line " + i + "\"}");
        }
        Path text = Files.write(tmp.resolve("text.jsonl"), lines);
        TrainingSettings s = TrainingSettings.from(Map.of("maxSeqLen", 16, "devExamples", 2));
        PackedText plain = PackedText.load(text, CHARS, s);
        PackedText drilled = PackedText.load(text, CHARS, s, new CopyDrills(0.5, 2, 4));
        assertThat(drilled.drills()).isEqualTo(plain.train().size());
        assertThat(drilled.train()).hasSize(2 * plain.train().size());
        assertThat(drilled.train().subList(0, plain.train().size())).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(plain.train());
        assertThat(drilled.train().subList(plain.train().size(), drilled.train().size()))
                .allMatch(w -> w.length() == 16 && w.targetCount() < 12 && w.source().startsWith("copy-drill-"));
        assertThat(drilled.dev()).usingRecursiveFieldByFieldElementComparator().isEqualTo(plain.dev());
        assertThat(drilled.lead()).isEmpty();

        TrainingSettings accumulated = TrainingSettings.from(Map.of("maxSeqLen", 16, "devExamples", 2,
                "batchSize", 3, "gradAccumulation", 2));
        PackedText led = PackedText.load(text, CHARS, accumulated,
                new CopyDrills(0.5, 2, 4, CopyDrills.Draw.UNIFORM, 4, 10, 1e-3));
        assertThat(led.lead()).as("4 steps of 3 windows by 2 micro-batches").hasSize(24)
                .allMatch(w -> w.length() == 10 && w.source().startsWith("copy-lead-"));
        assertThat(led.train()).hasSize(2 * plain.train().size());
    }

    private Path write(String name, List<Map<String, String>> rows) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (Map<String, String> r : rows) {
            lines.add(json.writeValueAsString(r));
        }
        return Files.write(tmp.resolve(name), lines);
    }

    private static Map<String, String> row(String id, String lang, String split, String instruction, String response) {
        return Map.of("id", id, "lang", lang, "task", "t", "split", split, "instruction", instruction,
                "response", response);
    }
}
