package dev.pinch.dataset.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.events.Violation;
import dev.pinch.store.LocalArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusImporterTest {

    @TempDir
    Path root;
    CorpusRegistry registry;
    CorpusImporter importer;
    Path data;

    @BeforeEach
    void setUp() throws IOException {
        registry = new CorpusRegistry(new LocalArtifactStore(root.resolve("store")));
        data = Files.createDirectories(root.resolve("imports"));
        importer = new CorpusImporter(registry, data, CorpusLimits.DEFAULTS);
    }

    static CorpusImportRequest jsonl(String path) {
        return new CorpusImportRequest("mine", "1", "my corpus", "CC BY 4.0", "jsonl", path, null, null, null);
    }

    @Test
    void importsAValidJsonlCorpus() throws IOException {
        Path file = data.resolve("mine.jsonl");
        Files.write(file, List.of(JsonlCorpusReaderTest.line("a", "en", "train"),
                JsonlCorpusReaderTest.line("a", "fi", "train"), JsonlCorpusReaderTest.line("b", "en", "test")));

        CorpusImportResult result = importer.importCorpus(jsonl(file.toString()));

        assertThat(result.manifest().languageCounts()).containsEntry("en", 2).containsEntry("fi", 1);
        assertThat(result.manifest().license()).isEqualTo("CC BY 4.0");
        assertThat(result.report().valid()).isTrue();
        assertThat(result.report().warningCount()).isEqualTo(1);
        assertThat(registry.load("mine").examples()).hasSize(3);
        assertThat(importer.importCorpus(jsonl(file.toString())).manifest()).isEqualTo(result.manifest());
    }

    @Test
    void importsAnAlpacaDirectory() throws IOException {
        Path dir = Files.createDirectories(data.resolve("okapi"));
        for (String lang : List.of("en", "ar")) {
            Files.writeString(dir.resolve(lang + ".json"), "[{\"instruction\": \"i\", \"input\": \"\","
                    + " \"output\": \"o " + lang + "\"}, {\"instruction\": \"j\", \"output\": \"p\"}]");
        }

        CorpusImportResult result = importer.importCorpus(new CorpusImportRequest("okapi", "2024.1", null, null,
                "alpaca", dir.toString(), "chat", 0.0, 3L));

        assertThat(result.manifest().taskCounts()).containsEntry("chat", 4);
        assertThat(result.manifest().trainIds()).isEqualTo(2);
        assertThat(registry.load("okapi").trainIds("ar")).containsExactly("okapi-000000", "okapi-000001");
    }

    @Test
    void aCorpusWithErrorsIsRefusedWithItsReport() throws IOException {
        Path file = data.resolve("bad.jsonl");
        Files.write(file, List.of(JsonlCorpusReaderTest.line("a", "en", "train"),
                "{\"id\":\"b\",\"lang\":\"en\",\"task\":\"qa\",\"instruction\":\"Q\",\"split\":\"train\"}"));

        assertThatThrownBy(() -> importer.importCorpus(jsonl(file.toString())))
                .isInstanceOfSatisfying(CorpusImportException.class, e -> {
                    assertThat(e.validationReport()).get().extracting(r -> r.errorCount()).isEqualTo(1);
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("bad.jsonl:2.response");
                });
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void refusesBadRequests() throws IOException {
        Path file = Files.writeString(data.resolve("x.jsonl"), JsonlCorpusReaderTest.line("a", "en", "train"));
        Path outside = Files.writeString(root.resolve("outside.jsonl"), JsonlCorpusReaderTest.line("a", "en", "train"));

        assertThat(field(jsonl(outside.toString()))).isEqualTo("path");
        assertThat(field(jsonl(data.resolve("missing.jsonl").toString()))).isEqualTo("path");
        assertThat(field(jsonl(data.resolve("../outside.jsonl").toString()))).isEqualTo("path");
        assertThat(field(jsonl("../outside.jsonl"))).isEqualTo("path");
        assertThat(field(jsonl("x.jsonl".replace("x", "/etc/passwd")))).isEqualTo("path");
        assertThat(field(new CorpusImportRequest("Bad", "1", null, null, "jsonl", file.toString(), null, null,
                null))).isEqualTo("name");
        assertThat(field(new CorpusImportRequest("ok", "", null, null, "jsonl", file.toString(), null, null,
                null))).isEqualTo("version");
        assertThat(field(new CorpusImportRequest("ok", "1", null, null, "csv", file.toString(), null, null,
                null))).isEqualTo("format");
        assertThat(field(new CorpusImportRequest("ok", "1", null, null, "jsonl", file.toString(), "chat", null,
                null))).isEqualTo("format");
        assertThat(field(new CorpusImportRequest("ok", "1", null, null, "alpaca", file.toString(), null, null,
                null))).isEqualTo("path");
        assertThat(field(new CorpusImportRequest("ok", "1", null, null, "alpaca", data.toString(), null, 1.5,
                null))).isEqualTo("heldOutFraction");
    }

    @Test
    void onlyFilesUnderTheImportRootAreReadAndRefusalsQuoteNothingFromThem() throws IOException {
        Path secret = Files.writeString(root.resolve("secret.txt"), "root:x:0:0:secret-line\n");
        Files.createSymbolicLink(data.resolve("link.jsonl"), secret);
        Files.createSymbolicLink(data.resolve("zero.jsonl"), Path.of("/dev/zero"));
        Files.createDirectories(data.resolve("dir.jsonl"));
        for (String path : List.of("link.jsonl", "zero.jsonl", secret.toString(), "/etc/passwd", "/proc/self/environ",
                "/", "../secret.txt")) {
            CorpusImportException e = org.assertj.core.api.Assertions.catchThrowableOfType(CorpusImportException.class,
                    () -> importer.validate(jsonl(path)));
            assertThat(e).as(path).isNotNull();
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("path");
                assertThat(v.reason()).contains("outside the directory files may be read from (pinch.corpus.import-root)")
                        .doesNotContain("secret-line", "root:x");
            });
        }
        CorpusImportException dir = org.assertj.core.api.Assertions.catchThrowableOfType(CorpusImportException.class,
                () -> importer.importCorpus(jsonl("dir.jsonl")));
        assertThat(dir.validationReport()).get().satisfies(r -> assertThat(r.errors()).singleElement()
                .satisfies(i -> assertThat(i.message()).isEqualTo("not a regular file")));
        CorpusImportException notJson = org.assertj.core.api.Assertions.catchThrowableOfType(CorpusImportException.class,
                () -> importer.importCorpus(jsonl(Files.writeString(data.resolve("p.jsonl"),
                        "root:x:0:0:secret-line\n").toString())));
        assertThat(notJson.getMessage() + notJson.violations()).doesNotContain("secret-line");
    }

    @Test
    void readingStopsAtTheConfiguredLimits() throws IOException {
        String line = JsonlCorpusReaderTest.line("a", "en", "train") + "\n" + JsonlCorpusReaderTest.line("b", "en", "train");
        Files.writeString(data.resolve("two.jsonl"), line + "\n");
        long size = Files.size(data.resolve("two.jsonl"));
        CorpusImporter small = new CorpusImporter(registry, data, (new CorpusLimits(size - 1, 1 << 20, 10)));
        assertThat(small.validate(jsonl("two.jsonl")).report().errors()).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("larger than " + (size - 1) + " bytes"));
        CorpusImporter few = new CorpusImporter(registry, data, (new CorpusLimits(size, 1 << 20, 1)));
        assertThat(few.validate(jsonl("two.jsonl")).report().errors()).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("more than 1 records"));
        CorpusImporter shortLines = new CorpusImporter(registry, data, (new CorpusLimits(size, 20, 10)));
        assertThat(shortLines.validate(jsonl("two.jsonl")).report().errors()).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("line longer than 20 characters"));
    }

    private String field(CorpusImportRequest request) {
        try {
            importer.importCorpus(request);
        } catch (CorpusImportException e) {
            assertThat(e.validationReport()).isEmpty();
            return e.violations().get(0).field();
        }
        throw new AssertionError("accepted " + request);
    }
}
