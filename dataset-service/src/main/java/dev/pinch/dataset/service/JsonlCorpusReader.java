package dev.pinch.dataset.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.dataset.domain.CorpusIssue;
import dev.pinch.dataset.domain.CorpusIssue.Severity;
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

    /** Streams every record of {@code file} into {@code sink}; syntax problems become errors with their line. */
    public static void read(Path file, CorpusValidator sink) throws IOException {
        String name = file.getFileName().toString();
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    readLine(name, lineNo, line, sink);
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
            sink.issue(new CorpusIssue(name, lineNo, null, null, "not valid JSON: " + e.getOriginalMessage(),
                    Severity.ERROR));
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
