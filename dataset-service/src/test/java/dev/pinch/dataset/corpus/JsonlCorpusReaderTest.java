package dev.pinch.dataset.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pinch.dataset.domain.CorpusIssue.Severity;
import dev.pinch.dataset.domain.CorpusIssue;
import dev.pinch.dataset.domain.Example;
import dev.pinch.dataset.domain.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlCorpusReaderTest {

    @TempDir
    Path dir;

    static String line(String id, String lang, String split) {
        return "{\"id\":\"" + id + "\",\"lang\":\"" + lang + "\",\"task\":\"qa\",\"instruction\":\"Q " + id + " "
                + lang + "\",\"response\":\"A " + id + "\",\"split\":\"" + split + "\"}";
    }

    private CorpusValidation read(List<String> lines) throws IOException {
        Path file = dir.resolve("corpus.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        CorpusValidator validator = CorpusValidator.jsonl();
        JsonlCorpusReader.read(file, validator);
        return validator.finish();
    }

    @Test
    void readsAValidFile() throws IOException {
        CorpusValidation v = read(List.of("\uFEFF" + line("a", "en", "train"), line("a", "de", "train"), "",
                line("b", "en", "validation"), line("b", "de", "test"), "   "));

        assertThat(v.report().valid()).isTrue();
        assertThat(v.report().errors()).isEmpty();
        assertThat(v.report().warnings()).isEmpty();
        assertThat(v.report().missingIdsByLanguage()).isEqualTo(Map.of("de", 0, "en", 0));
        assertThat(v.examples()).containsExactly(
                new Example("a", "en", "qa", Split.TRAIN, "Q a en", "A a"),
                new Example("a", "de", "qa", Split.TRAIN, "Q a de", "A a"),
                new Example("b", "en", "qa", Split.DEV, "Q b en", "A b"),
                new Example("b", "de", "qa", Split.TEST, "Q b de", "A b"));
    }

    @Test
    void reportsEachErrorWithFileAndLine() throws IOException {
        CorpusValidation v = read(List.of(
                line("a", "en", "train"),
                "{\"id\":\"b\",\"lang\":\"en\",\"task\":\"qa\",\"instruction\":\"Q\",\"split\":\"train\"}",
                "{\"id\":\"c\",\"lang\":\"en\",\"task\":\"qa\",\"instruction\":\"  \",\"response\":\"R\",\"split\":\"train\"}",
                line("d", "xx", "train"),
                line("e", "en", "holdout"),
                "",
                line("a", "en", "dev"),
                "{\"id\": \"f\", oops",
                "[1, 2]",
                "{\"id\":{\"n\":1},\"lang\":\"en\",\"task\":\"qa\",\"instruction\":\"Q\",\"response\":\"R\",\"split\":\"train\"}"));

        assertThat(v.report().valid()).isFalse();
        assertThat(v.report().errorCount()).isEqualTo(8);
        assertThat(v.report().errors()).extracting(CorpusIssue::file, CorpusIssue::line, CorpusIssue::field)
                .containsExactly(
                        tuple("corpus.jsonl", 2, "response"),
                        tuple("corpus.jsonl", 3, "instruction"),
                        tuple("corpus.jsonl", 4, "lang"),
                        tuple("corpus.jsonl", 5, "split"),
                        tuple("corpus.jsonl", 7, "id"),
                        tuple("corpus.jsonl", 8, null),
                        tuple("corpus.jsonl", 9, null),
                        tuple("corpus.jsonl", 10, "id"));
        assertThat(v.report().errors()).allMatch(i -> i.severity() == Severity.ERROR && i.index() == null);
        assertThat(v.report().errors().get(2).message()).contains("unknown language code 'xx'");
        assertThat(v.report().errors().get(3).message()).contains("invalid split 'holdout'");
        assertThat(v.report().errors().get(4).message()).contains("duplicate id 'a' in language en");
        assertThat(v.report().errors().get(5).message()).startsWith("not valid JSON");
        assertThat(v.examples()).extracting(Example::id).containsExactly("a");
    }

    @Test
    void errorsNeverQuoteTheFilesTextAndHugeOrSpecialFilesFailFast() throws IOException {
        CorpusValidation v = read(List.of("root:x:0:0:secret-token:/root:/bin/bash", "{\"id\": swordfish}"));
        assertThat(v.report().errors()).extracting(CorpusIssue::message)
                .containsExactly("not valid JSON (column 1)", "not valid JSON (column 8)")
                .noneMatch(m -> m.contains("root") || m.contains("secret") || m.contains("swordfish"));
        CorpusValidation fields = read(List.of(line("a", "PATH=/usr/bin:/bin secret", "train"),
                line("b", "en", "holdout: " + "y".repeat(40))));
        assertThat(fields.report().errors()).extracting(CorpusIssue::message).containsExactly(
                "unknown language code (a value of 25 characters, not quoted) (expected ISO 639-1, e.g. en, sr-Latn, "
                        + "zh-TW)", "invalid split (a value of 49 characters, not quoted) (expected train, dev, "
                        + "validation or test)");

        CorpusValidator devZero = CorpusValidator.jsonl();
        JsonlCorpusReader.read(Path.of("/dev/zero"), devZero);
        assertThat(devZero.finish().report().errors()).extracting(CorpusIssue::message)
                .containsExactly("not a regular file");

        Path huge = dir.resolve("one-line.jsonl");
        Files.writeString(huge, "x".repeat(JsonlCorpusReader.MAX_LINE + 10));
        CorpusValidator oneLine = CorpusValidator.jsonl();
        JsonlCorpusReader.read(huge, oneLine);
        assertThat(oneLine.finish().report().errors()).singleElement()
                .satisfies(i -> assertThat(i.message()).startsWith("line longer than 1048576 characters"));
    }

    @Test
    void warnsAboutIdsMissingInSomeLanguages() throws IOException {
        CorpusValidation v = read(List.of(line("a", "en", "train"), line("b", "en", "train"),
                line("c", "en", "train"), line("a", "de", "train"), line("c", "sr-Latn", "train")));

        assertThat(v.report().valid()).isTrue();
        assertThat(v.report().missingIdsByLanguage()).isEqualTo(Map.of("en", 0, "de", 2, "sr-Latn", 2));
        assertThat(v.report().warningCount()).isEqualTo(2);
        assertThat(v.report().warnings()).extracting(CorpusIssue::file, CorpusIssue::severity)
                .containsOnly(tuple("corpus.jsonl", Severity.WARNING));
        assertThat(v.report().warnings().get(0).message()).isEqualTo("language de lacks 2 of 3 ids, e.g. b, c");
    }

    @Test
    void capsListedIssuesButCountsThemAll() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            lines.add(line("id" + i, "zz", "train"));
        }
        CorpusValidation v = read(lines);

        assertThat(v.report().errorCount()).isEqualTo(150);
        assertThat(v.report().errors()).hasSize(CorpusValidator.MAX_LISTED);
        assertThat(v.report().errors().get(99).line()).isEqualTo(100);
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        CorpusValidation v = read(List.of("", ""));

        assertThat(v.report().valid()).isFalse();
        assertThat(v.report().errors()).extracting(CorpusIssue::message).containsExactly("the corpus has no examples");
    }
}
