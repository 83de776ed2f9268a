package dev.pinch.evaluator.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Held-out NTREX-128 sentences (the last {@value #LINES} lines of each of the 17 built-in languages), read from the
 * dataset-service's bundled copy by relative path (NTREX-128: Federmann, Kocmi and Xin, SUMEval 2022;
 * CC BY-SA 4.0, see dataset-service/src/main/resources/builtin/ATTRIBUTION.md). No text is copied here.
 */
final class NtrexHeldOut {

    static final int LINES = 300;

    /** ISO 639-1 code → NTREX file suffix, in the README's order. */
    static final Map<String, String> FILES = files();

    private NtrexHeldOut() {
    }

    /** Language → its held-out sentences. */
    static Map<String, List<String>> sentences() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        FILES.forEach((lang, suffix) -> out.put(lang, tail(dir().resolve("newstest2019-ref." + suffix + ".txt"))));
        return out;
    }

    private static Path dir() {
        String override = System.getProperty("pinch.ntrex.dir");
        return override != null ? Path.of(override)
                : Path.of("..", "dataset-service", "src", "main", "resources", "builtin", "ntrex128");
    }

    private static List<String> tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return List.copyOf(lines.subList(lines.size() - LINES, lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("NTREX file not found (run from the evaluator-service module): " + file, e);
        }
    }

    private static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        String[] pairs = {"ar", "arb", "zh", "zho-CN", "cs", "ces", "en", "eng-US", "et", "est", "fi", "fin",
            "he", "heb", "hi", "hin", "it", "ita", "ru", "rus", "es", "spa", "sw", "swa", "sr", "srp-Cyrl",
            "hr", "hrv", "sl", "slv", "pl", "pol", "sk", "slk"};
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
