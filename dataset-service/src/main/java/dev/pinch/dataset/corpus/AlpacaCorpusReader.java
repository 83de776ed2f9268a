package dev.pinch.dataset.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.dataset.domain.CorpusIssue.Severity;
import dev.pinch.dataset.domain.CorpusIssue;
import dev.pinch.dataset.domain.Languages;
import dev.pinch.dataset.domain.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads an Alpaca-style parallel corpus, the way Okapi and Bactrian-X ship: a directory of {@code <lang>.json}
 * files, each a JSON array of {@code {instruction, input, output}} aligned by index across languages. A non-blank
 * {@code input} is appended to the instruction after a blank line. Every element of index {@code i} gets the id
 * {@code <prefix>-<i>} and the same split in every language. Arrays are streamed one element at a time.
 */
public final class AlpacaCorpusReader {

    /** Digits of the zero-padded index in ids; larger indexes get longer ids. */
    public static final int ID_DIGITS = 6;
    private static final String SUFFIX = ".json";

    private AlpacaCorpusReader() {
    }

    /** Streams every element of every {@code <lang>.json} in {@code directory} into {@code sink}. */
    public static void read(Path directory, AlpacaImportOptions options, CorpusValidator sink) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            sink.issue(new CorpusIssue(null, 0, null, null, "no <lang>.json files in " + directory, Severity.ERROR));
        }
        for (Path file : files) {
            readFile(file, options, sink);
        }
    }

    /** The split of index {@code index}: the same in every language. */
    private static Split split(AlpacaImportOptions options, int index) {
        double u = CorpusHash.unit(options.seed(), Integer.toString(index));
        if (u < options.heldOutFraction() / 2) {
            return Split.DEV;
        }
        return u < options.heldOutFraction() ? Split.TEST : Split.TRAIN;
    }

    private static void readFile(Path file, AlpacaImportOptions options, CorpusValidator sink) throws IOException {
        String name = file.getFileName().toString();
        String lang = name.substring(0, name.length() - SUFFIX.length());
        if (!Languages.isKnown(lang)) {
            sink.issue(new CorpusIssue(name, 0, null, "lang", "the file name must be <lang>.json with a known"
                    + " language code (e.g. en, sr-Latn, zh-TW); '" + lang + "' is not one", Severity.ERROR));
            return;
        }
        try (JsonParser parser = CorpusJson.MAPPER.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                sink.issue(new CorpusIssue(name, 1, null, null, "expected a JSON array of {instruction, input,"
                        + " output} objects", Severity.ERROR));
                return;
            }
            int index = 0;
            for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                    token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.START_OBJECT) {
                    sink.accept(record(name, line, index, lang, parser.readValueAsTree(), options));
                } else {
                    sink.issue(new CorpusIssue(name, line, index, null, "expected an object", Severity.ERROR));
                    parser.skipChildren();
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            sink.issue(new CorpusIssue(name, line, null, null, "not valid JSON: " + e.getOriginalMessage(),
                    Severity.ERROR));
        }
    }

    private static CorpusRecord record(String file, int line, int index, String lang, JsonNode node,
            AlpacaImportOptions options) {
        String instruction = CorpusJson.text(node, "instruction");
        String input = CorpusJson.text(node, "input");
        if (instruction != null && !instruction.isBlank() && input != null && !input.isBlank()) {
            instruction = instruction + "\n\n" + input;
        }
        String id = options.idPrefix() + "-" + String.format("%0" + ID_DIGITS + "d", index);
        return new CorpusRecord(file, line, index, id, lang, options.task(), split(options, index).wire(),
                instruction, CorpusJson.text(node, "output"));
    }
}
