package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.Split;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the data bundled under {@code builtin/} on the class path (see {@code builtin/ATTRIBUTION.md}). Lines lose
 * their CR LF and surrounding white space; SIB-200's CSV-style quoting is undone.
 */
final class BuiltinSources {

    private static final String ROOT = "builtin/";

    private BuiltinSources() {
    }

    /** The NTREX-128 sentences of {@code language}, one per line, line-aligned across languages. */
    static List<String> ntrex(BuiltinLanguage language) {
        return lines(ROOT + "ntrex128/newstest2019-ref." + language.ntrexCode() + ".txt");
    }

    /** The NTREX-128 document id of every line. */
    static List<String> ntrexDocuments() {
        return lines(ROOT + "ntrex128/DOCUMENT_IDS.tsv");
    }

    /** The SIB-200 rows of {@code language}: train, then dev, then test, each in file order. */
    static List<BuiltinSibRow> sib(BuiltinLanguage language) {
        List<BuiltinSibRow> rows = new ArrayList<>();
        for (Split split : Split.values()) {
            List<String> lines = lines(ROOT + "sib200/" + language.sibFolder() + "/" + split.wire() + ".tsv");
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", 3);
                if (fields.length != 3) {
                    throw new IllegalStateException("SIB-200 " + language.sibFolder() + "/" + split.wire()
                            + ": not index_id, category, text: " + line);
                }
                rows.add(new BuiltinSibRow(Integer.parseInt(fields[0]), fields[1], unquote(fields[2]).strip(),
                        split));
            }
        }
        return rows;
    }

    /** Undoes CSV quoting: a field wrapped in double quotes loses them, and doubled quotes inside become one. */
    static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }

    private static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = BuiltinSources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + resource, e);
        }
        return lines;
    }
}
