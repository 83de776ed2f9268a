package dev.pinch.dataset.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pinch.dataset.domain.CorpusIssue;
import dev.pinch.dataset.domain.Example;
import dev.pinch.dataset.domain.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlpacaCorpusReaderTest {

    @TempDir
    Path dir;

    private static String entry(String lang, int i, String input) {
        return "{\"instruction\": \"" + lang + " instruction " + i + "\", \"input\": \"" + input
                + "\", \"output\": \"" + lang + " output " + i + "\"}";
    }

    private void write(String lang, int count) throws IOException {
        String body = IntStream.range(0, count).mapToObj(i -> "  " + entry(lang, i, i == 1 ? lang + " input" : ""))
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
        Files.writeString(dir.resolve(lang + ".json"), body);
    }

    private CorpusValidation read(AlpacaImportOptions options) throws IOException {
        CorpusValidator validator = CorpusValidator.alpaca();
        AlpacaCorpusReader.read(dir, options, validator);
        return validator.finish();
    }

    @Test
    void alignsIdsByIndexAndAppendsInput() throws IOException {
        write("en", 3);
        write("de", 3);
        write("fi", 2);

        CorpusValidation v = read(new AlpacaImportOptions("okapi", null, 0, 0));

        assertThat(v.report().valid()).isTrue();
        assertThat(v.examples()).hasSize(8).allMatch(e -> e.split() == Split.TRAIN && e.task().equals("instruction"));
        assertThat(v.examples()).filteredOn(e -> e.lang().equals("de")).extracting(Example::id)
                .containsExactly("okapi-000000", "okapi-000001", "okapi-000002");
        assertThat(v.examples()).filteredOn(e -> e.id().equals("okapi-000001") && e.lang().equals("de"))
                .singleElement().satisfies(e -> {
                    assertThat(e.instruction()).isEqualTo("de instruction 1\n\nde input");
                    assertThat(e.response()).isEqualTo("de output 1");
                });
        assertThat(v.examples()).filteredOn(e -> e.id().equals("okapi-000000") && e.lang().equals("en"))
                .singleElement().extracting(Example::instruction).isEqualTo("en instruction 0");
        // fi.json is one element short: a coverage warning, not an error
        assertThat(v.report().missingIdsByLanguage()).isEqualTo(Map.of("de", 0, "en", 0, "fi", 1));
        assertThat(v.report().warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("fi.json");
            assertThat(w.message()).contains("lacks 1 of 3 ids, e.g. okapi-000002");
        });
    }

    @Test
    void heldOutSplitIsTheSameInEveryLanguage() throws IOException {
        write("en", 60);
        write("it", 60);

        CorpusValidation v = read(new AlpacaImportOptions("bx", "chat", 0.4, 7));

        Map<String, Split> splitById = new HashMap<>();
        for (Example e : v.examples()) {
            Split earlier = splitById.putIfAbsent(e.id(), e.split());
            assertThat(earlier == null || earlier == e.split()).as("split of %s", e.id()).isTrue();
            assertThat(e.task()).isEqualTo("chat");
        }
        Map<Split, Long> counts = splitById.values().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(counts).containsKeys(Split.TRAIN, Split.DEV, Split.TEST);
        assertThat(counts.get(Split.TRAIN)).isBetween(24L, 48L);
        assertThat(read(new AlpacaImportOptions("bx", "chat", 0.4, 7)).examples()).isEqualTo(v.examples());
        assertThat(read(new AlpacaImportOptions("bx", "chat", 0.4, 8)).examples()).isNotEqualTo(v.examples());
    }

    @Test
    void reportsBadElementsWithFileIndexAndLine() throws IOException {
        write("en", 3);
        Files.writeString(dir.resolve("de.json"), "[\n  " + entry("de", 0, "") + ",\n  {\"instruction\": \"x\","
                + " \"input\": \"\"},\n  \"not an object\"\n]");
        Files.writeString(dir.resolve("xx.json"), "[]");
        Files.writeString(dir.resolve("fi.json"), "{\"instruction\": \"x\"}");

        CorpusValidation v = read(new AlpacaImportOptions("okapi", null, 0, 0));

        assertThat(v.report().valid()).isFalse();
        assertThat(v.report().errors()).extracting(CorpusIssue::file, CorpusIssue::line, CorpusIssue::index,
                CorpusIssue::field).containsExactly(
                        tuple("de.json", 3, 1, "output"),
                        tuple("de.json", 4, 2, null),
                        tuple("fi.json", 1, null, null),
                        tuple("xx.json", 0, null, "lang"));
    }

    @Test
    void readsWithinLimitsFollowsNoLinksAndQuotesNoText() throws IOException {
        write("en", 3);
        Path secret = Files.writeString(Files.createTempFile("secret", ".txt"), "root:x:0:0:secret-line");
        Files.createSymbolicLink(dir.resolve("de.json"), secret);
        Files.writeString(dir.resolve("fi.json"), "[root:x:0:0:secret-line]");
        CorpusValidator v = CorpusValidator.alpaca();
        AlpacaCorpusReader.read(dir, new AlpacaImportOptions("okapi", null, 0, 0), v);
        List<CorpusIssue> errors = v.finish().report().errors();
        assertThat(errors).extracting(CorpusIssue::file).containsExactly("de.json", "fi.json");
        assertThat(errors.get(0).message()).isEqualTo("not a regular file (symbolic links are not followed)");
        assertThat(errors.get(1).message()).startsWith("not valid JSON").doesNotContain("root", "secret");

        Files.delete(dir.resolve("de.json"));
        Files.delete(dir.resolve("fi.json"));
        CorpusValidator few = CorpusValidator.alpaca();
        AlpacaCorpusReader.read(dir, new AlpacaImportOptions("okapi", null, 0, 0), new CorpusLimits(1 << 20, 1000, 2),
                few);
        assertThat(few.finish().report().errors()).extracting(CorpusIssue::message)
                .anySatisfy(m -> assertThat(m).contains("more than 2 examples"));
        CorpusValidator shortStrings = CorpusValidator.alpaca();
        AlpacaCorpusReader.read(dir, new AlpacaImportOptions("okapi", null, 0, 0), new CorpusLimits(1 << 20, 5, 10),
                shortStrings);
        assertThat(shortStrings.finish().report().errors()).extracting(CorpusIssue::message)
                .anySatisfy(m -> assertThat(m).contains("a string longer than 5 characters"));
        CorpusValidator small = CorpusValidator.alpaca();
        AlpacaCorpusReader.read(dir, new AlpacaImportOptions("okapi", null, 0, 0), new CorpusLimits(10, 1000, 10), small);
        assertThat(small.finish().report().errors()).extracting(CorpusIssue::message)
                .anySatisfy(m -> assertThat(m).contains("larger than 10 bytes"));
        CorpusValidator notDir = CorpusValidator.alpaca();
        AlpacaCorpusReader.read(Path.of("/dev/zero"), new AlpacaImportOptions("okapi", null, 0, 0), notDir);
        assertThat(notDir.finish().report().errors()).extracting(CorpusIssue::message).contains("not a directory");
    }

    @Test
    void rejectsAHeldOutFractionOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new AlpacaImportOptions("x", null, 1.0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(0.0, 0.5)).allSatisfy(f -> new AlpacaImportOptions("x", null, f, 0));
    }
}
