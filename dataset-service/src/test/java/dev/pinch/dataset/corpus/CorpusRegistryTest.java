package dev.pinch.dataset.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.dataset.domain.Corpus;
import dev.pinch.dataset.domain.CorpusManifest;
import dev.pinch.dataset.domain.Example;
import dev.pinch.dataset.domain.Split;
import dev.pinch.store.LocalArtifactStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusRegistryTest {

    @TempDir
    Path root;
    LocalArtifactStore store;
    CorpusRegistry registry;

    @BeforeEach
    void setUp() throws IOException {
        store = new LocalArtifactStore(root);
        registry = new CorpusRegistry(store);
    }

    static CorpusDescriptor descriptor(String name, String version) {
        return new CorpusDescriptor(name, version, "a test corpus", "CC0");
    }

    /** ids a..d in en and fi (b is dev in both), and e in en only; tasks qa and chat. */
    static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        for (String id : List.of("d", "a", "c", "b")) {
            for (String lang : List.of("fi", "en")) {
                Split split = id.equals("b") ? Split.DEV : Split.TRAIN;
                examples.add(new Example(id, lang, id.equals("d") ? "chat" : "qa", split, "Q " + id + " \"" + lang
                        + "\" ü", "A " + id));
            }
        }
        examples.add(new Example("e", "en", "qa", Split.TEST, "Q e", "A e"));
        return examples;
    }

    @Test
    void registerWritesSortedExamplesAndAManifestThatCountsThem() throws IOException {
        CorpusManifest m = registry.register(descriptor("demo", "1"), examples());

        assertThat(m.languages()).containsExactly("en", "fi");
        assertThat(m.languageCounts()).isEqualTo(Map.of("en", 5, "fi", 4));
        assertThat(m.splitCounts()).isEqualTo(Map.of(
                "en", Map.of("train", 3, "dev", 1, "test", 1),
                "fi", Map.of("train", 3, "dev", 1, "test", 0)));
        assertThat(m.taskCounts()).isEqualTo(Map.of("qa", 7, "chat", 2));
        assertThat(m.trainIds()).isEqualTo(3);
        assertThat(m.textUri()).isNull();
        assertThat(m.description()).isEqualTo("a test corpus");
        assertThat(m.license()).isEqualTo("CC0");

        Path file = root.resolve("corpora/demo/1/examples.jsonl");
        assertThat(m.examplesUri()).isEqualTo(file.toUri().toString());
        assertThat(m.sha256()).isEqualTo(sha256(Files.readAllBytes(file)))
                .isEqualTo(store.sha256(URI.create(m.examplesUri())));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(9).first().isEqualTo(
                "{\"id\":\"a\",\"lang\":\"en\",\"task\":\"qa\",\"split\":\"train\",\"instruction\":\"Q a \\\"en\\\" ü\","
                        + "\"response\":\"A a\"}");
        assertThat(lines.get(1)).startsWith("{\"id\":\"a\",\"lang\":\"fi\"");
        assertThat(lines.get(8)).startsWith("{\"id\":\"e\",\"lang\":\"en\"");
        assertThat(registry.manifest("demo", "1")).contains(m);
    }

    @Test
    void theSameContentInAnyOrderGivesTheSameBytes() {
        List<Example> shuffled = new ArrayList<>(examples());
        Collections.reverse(shuffled);

        String a = registry.register(descriptor("demo", "1"), examples()).sha256();
        String b = registry.register(descriptor("demo", "2"), shuffled).sha256();

        assertThat(a).isEqualTo(b);
    }

    @Test
    void registeringTheSameContentAgainIsANoOp() throws IOException {
        CorpusManifest first = registry.register(descriptor("demo", "1"), examples());
        Path file = root.resolve("corpora/demo/1/examples.jsonl");
        var modified = Files.getLastModifiedTime(file);

        CorpusManifest again = registry.register(descriptor("demo", "1"), examples());

        assertThat(again).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }

    @Test
    void otherContentUnderARegisteredVersionIsAConflict() {
        registry.register(descriptor("demo", "1"), examples());
        List<Example> changed = new ArrayList<>(examples());
        changed.set(0, new Example("d", "fi", "chat", Split.TRAIN, "changed", "A d"));

        assertThatThrownBy(() -> registry.register(descriptor("demo", "1"), changed))
                .isInstanceOf(CorpusConflictException.class).hasMessageContaining("demo version 1");
        assertThatThrownBy(() -> registry.register(new CorpusDescriptor("demo", "1", "other words", "CC0"),
                examples())).isInstanceOf(CorpusConflictException.class);
        assertThatThrownBy(() -> registry.register(descriptor("demo", "1"), examples(),
                List.of(new CorpusTextLine(null, "en", "text")))).isInstanceOf(CorpusConflictException.class);
    }

    @Test
    void loadRoundTripsAndIsCached() {
        registry.register(descriptor("demo", "1"), examples());

        Corpus corpus = registry.load("demo");

        assertThat(corpus.examples()).containsExactlyInAnyOrderElementsOf(examples());
        assertThat(corpus.manifest()).isEqualTo(registry.manifest("demo").orElseThrow());
        assertThat(corpus.parallelTrainIds(corpus.languages())).containsExactly("a", "c", "d");
        assertThat(registry.load("demo", "1")).isSameAs(corpus);
    }

    @Test
    void loadRefusesExamplesChangedBehindItsBack() throws IOException {
        registry.register(descriptor("demo", "1"), examples());
        Files.writeString(root.resolve("corpora/demo/1/examples.jsonl"), "");

        assertThatThrownBy(() -> registry.load("demo")).hasMessageContaining("changed since registration");
    }

    @Test
    void latestVersionIsTheGreatestInNaturalOrder() {
        for (String version : List.of("2", "10", "9")) {
            registry.register(descriptor("demo", version), examples());
        }
        registry.register(descriptor("other", "1.9"), examples());
        registry.register(descriptor("other", "1.10"), examples());

        assertThat(registry.versions("demo")).containsExactly("2", "9", "10");
        assertThat(registry.manifest("demo")).get().extracting(CorpusManifest::version).isEqualTo("10");
        assertThat(registry.list()).extracting(m -> m.name() + "@" + m.version())
                .containsExactly("demo@10", "other@1.10");
        List<String> sorted = new ArrayList<>(List.of("1.10", "1.9", "v2", "10", "2", "1.9.1"));
        sorted.sort(CorpusVersions.ORDER);
        assertThat(sorted).containsExactly("1.9", "1.9.1", "1.10", "2", "10", "v2");
    }

    @Test
    void storesRawTextBesideTheExamples() throws IOException {
        CorpusManifest m = registry.register(descriptor("demo", "1"), examples(),
                List.of(new CorpusTextLine(null, "fi", "Hyvää päivää."), new CorpusTextLine(null, "en", "Good day.")));

        assertThat(m.textUri()).isEqualTo(root.resolve("corpora/demo/1/text.jsonl").toUri().toString());
        assertThat(Files.readAllLines(Path.of(URI.create(m.textUri())), StandardCharsets.UTF_8)).containsExactly(
                "{\"lang\":\"fi\",\"text\":\"Hyvää päivää.\"}", "{\"lang\":\"en\",\"text\":\"Good day.\"}");
        assertThat(registry.register(descriptor("demo", "1"), examples(),
                List.of(new CorpusTextLine(null, "fi", "Hyvää päivää."), new CorpusTextLine(null, "en", "Good day."))))
                .isEqualTo(m);
    }

    @Test
    void refusesBadNamesVersionsAndDuplicates() {
        assertThatThrownBy(() -> registry.register(descriptor("Demo", "1"), examples()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid corpus name");
        assertThatThrownBy(() -> registry.register(descriptor("demo", "../1"), examples()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid corpus version");
        List<Example> duplicated = new ArrayList<>(examples());
        duplicated.add(duplicated.get(0));
        assertThatThrownBy(() -> registry.register(descriptor("demo", "1"), duplicated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate example id d");
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void aMissingCorpusIsNotFound() {
        assertThat(registry.manifest("nothing")).isEmpty();
        assertThatThrownBy(() -> registry.load("nothing")).isInstanceOf(CorpusNotFoundException.class);
        assertThatThrownBy(() -> registry.load("nothing", "1")).isInstanceOf(CorpusNotFoundException.class);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
