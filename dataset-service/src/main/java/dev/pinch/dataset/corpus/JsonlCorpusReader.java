package dev.pinch.dataset.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.dataset.domain.CorpusIssue.Severity;
import dev.pinch.dataset.domain.CorpusIssue;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a Pinch JSONL corpus line by line: one object per line with {@code id}, {@code lang}, {@code task},
 * {@code instruction}, {@code response} and {@code split} ({@code train}, {@code dev} or {@code validation},
 * {@code test}). Blank lines and a leading byte-order mark are skipped; other fields are ignored.
 */
public final class JsonlCorpusReader {

    private JsonlCorpusReader() {
    }

    /** The longest line read by default, in characters: a file without line breaks fails fast. */
    static final int MAX_LINE = CorpusLimits.DEFAULTS.maxLineChars();

    /** {@link #read(Path, CorpusLimits, CorpusValidator)} within the default limits. */
    public static void read(Path file, CorpusValidator sink) throws IOException {
        read(file, CorpusLimits.DEFAULTS, sink);
    }

    /**
     * Streams every record of {@code file} into {@code sink}; syntax problems become errors with their line and column,
     * never quoting the file's text (the file may be anything the server can read). A file that is not regular or is
     * larger than the limit is not read; reading stops at a line or a record count over the limits.
     */
    public static void read(Path file, CorpusLimits limits, CorpusValidator sink) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            sink.issue(new CorpusIssue(name, 0, null, null, "not a regular file", Severity.ERROR));
            return;
        }
        if (Files.size(file) > limits.maxFileBytes()) {
            sink.issue(new CorpusIssue(name, 0, null, null, "larger than " + limits.maxFileBytes() + " bytes "
                    + "(pinch.corpus.max-file-bytes)", Severity.ERROR));
            return;
        }
        int lineNo = 0;
        int records = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 || !line.isEmpty(); c = in.read()) {
                if (c != -1 && c != '\n') {
                    if (line.length() == limits.maxLineChars()) {
                        sink.issue(new CorpusIssue(name, lineNo + 1, null, null, "line longer than "
                                + limits.maxLineChars() + " characters; reading stopped here", Severity.ERROR));
                        return;
                    }
                    line.append((char) c);
                    continue;
                }
                lineNo++;
                String text = line.toString();
                line.setLength(0);
                if (lineNo == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank() && ++records > limits.maxExamples()) {
                    sink.issue(new CorpusIssue(name, lineNo, null, null, "more than " + limits.maxExamples()
                            + " records (pinch.corpus.max-examples); reading stopped here", Severity.ERROR));
                    return;
                }
                if (!text.isBlank()) {
                    readLine(name, lineNo, text, sink);
                }
                if (c == -1) {
                    break;
                }
            }
        } catch (CharacterCodingException e) {
            sink.issue(new CorpusIssue(name, lineNo + 1, null, null, "not valid UTF-8; reading stopped here",
                    Severity.ERROR));
        }
    }

    private static void readLine(String name, int lineNo, String line, CorpusValidator sink) {
        JsonNode node;
        try {
            node = CorpusJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            sink.issue(new CorpusIssue(name, lineNo, null, null, "not valid JSON"
                    + (at == null || at.getColumnNr() < 0 ? "" : " (column " + at.getColumnNr() + ")"), Severity.ERROR));
            return;
        }
        if (!node.isObject()) {
            sink.issue(new CorpusIssue(name, lineNo, null, null, "expected a JSON object", Severity.ERROR));
            return;
        }
        sink.accept(new CorpusRecord(name, lineNo, null, CorpusJson.text(node, "id"), CorpusJson.text(node, "lang"),
                CorpusJson.text(node, "task"), CorpusJson.text(node, "split"),
                CorpusJson.text(node, "instruction"), CorpusJson.text(node, "response")));
    }
}
