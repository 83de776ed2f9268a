package dev.pinch.dataset.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pinch.dataset.domain.CorpusIssue;
import dev.pinch.dataset.domain.CorpusIssue.Severity;
import dev.pinch.dataset.domain.Languages;
import dev.pinch.dataset.domain.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads an Alpaca-style parallel corpus, the way Okapi and Bactrian-X ship: a directory of {@code <lang>.json}
 * files, each a JSON array of {@code {instruction, input, output}} aligned by index across languages. A non-blank
 * {@code input} is appended to the instruction after a blank line. Every element of index {@code i} gets the id
 * {@code <prefix>-<i>} and the same split in every language. Arrays are streamed one element at a time, within
 * {@link CorpusLimits}: a file over the size limit is not read, and reading stops at a string over the length limit
 * or past the most examples. Symbolic links in the directory are not followed. Errors give the file, line and field,
 * never the file's text.
 */
public final class AlpacaCorpusReader {

    /** Digits of the zero-padded index in ids; larger indexes get longer ids. */
    public static final int ID_DIGITS = 6;
    private static final String SUFFIX = ".json";

    private AlpacaCorpusReader() {
    }

    /** {@link #read(Path, AlpacaImportOptions, CorpusLimits, CorpusValidator)} within the default limits. */
    public static void read(Path directory, AlpacaImportOptions options, CorpusValidator sink) throws IOException {
        read(directory, options, CorpusLimits.DEFAULTS, sink);
    }

    /** Streams every element of every {@code <lang>.json} in {@code directory} into {@code sink}. */
    public static void read(Path directory, AlpacaImportOptions options, CorpusLimits limits, CorpusValidator sink)
            throws IOException {
        if (!Files.isDirectory(directory)) {
            sink.issue(new CorpusIssue(null, 0, null, null, "not a directory", Severity.ERROR));
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        if (files.isEmpty()) {
            sink.issue(new CorpusIssue(null, 0, null, null, "no <lang>.json files in the directory", Severity.ERROR));
        }
        ObjectMapper json = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(StreamReadConstraints
                .builder().maxStringLength(limits.maxLineChars()).maxNestingDepth(64).build()).build()).build();
        int[] examples = {0};
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                sink.issue(new CorpusIssue(name, 0, null, null, "not a regular file (symbolic links are not "
                        + "followed)", Severity.ERROR));
            } else if (Files.size(file) > limits.maxFileBytes()) {
                sink.issue(new CorpusIssue(name, 0, null, null, "larger than " + limits.maxFileBytes() + " bytes "
                        + "(pinch.corpus.max-file-bytes)", Severity.ERROR));
            } else if (!readFile(file, options, json, limits, examples, sink)) {
                return;
            }
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

    /** Reads one file; false when the example limit stopped reading. */
    private static boolean readFile(Path file, AlpacaImportOptions options, ObjectMapper json, CorpusLimits limits,
            int[] examples, CorpusValidator sink) throws IOException {
        String name = file.getFileName().toString();
        String lang = name.substring(0, name.length() - SUFFIX.length());
        if (!Languages.isKnown(lang)) {
            sink.issue(new CorpusIssue(name, 0, null, "lang", "the file name must be <lang>.json with a known"
                    + " language code (e.g. en, sr-Latn, zh-TW); '" + lang + "' is not one", Severity.ERROR));
            return true;
        }
        try (JsonParser parser = json.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                sink.issue(new CorpusIssue(name, 1, null, null, "expected a JSON array of {instruction, input,"
                        + " output} objects", Severity.ERROR));
                return true;
            }
            int index = 0;
            for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                    token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (++examples[0] > limits.maxExamples()) {
                    sink.issue(new CorpusIssue(name, line, index, null, "more than " + limits.maxExamples()
                            + " examples (pinch.corpus.max-examples); reading stopped here", Severity.ERROR));
                    return false;
                }
                if (token == JsonToken.START_OBJECT) {
                    sink.accept(record(name, line, index, lang, parser.readValueAsTree(), options));
                } else {
                    sink.issue(new CorpusIssue(name, line, index, null, "expected an object", Severity.ERROR));
                    parser.skipChildren();
                }
                index++;
            }
        } catch (StreamConstraintsException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            sink.issue(new CorpusIssue(name, line, null, null, "a string longer than " + limits.maxLineChars()
                    + " characters (pinch.corpus.max-line-chars) or nesting too deep; reading stopped here",
                    Severity.ERROR));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            sink.issue(new CorpusIssue(name, at == null ? 0 : at.getLineNr(), null, null, "not valid JSON"
                    + (at == null || at.getColumnNr() < 0 ? "" : " (column " + at.getColumnNr() + ")"), Severity.ERROR));
        }
        return true;
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
