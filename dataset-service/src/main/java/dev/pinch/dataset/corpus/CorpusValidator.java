package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.CorpusIssue.Severity;
import dev.pinch.dataset.domain.CorpusIssue;
import dev.pinch.dataset.domain.Example;
import dev.pinch.dataset.domain.Languages;
import dev.pinch.dataset.domain.Split;
import dev.pinch.dataset.domain.ValidationReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks records as a reader streams them in and keeps the valid ones. Single use: feed it with {@link #accept} and
 * {@link #issue}, then call {@link #finish}. Errors: missing or blank fields, unknown language codes, invalid
 * splits, duplicate (id, lang) pairs, an empty corpus. Warnings: ids missing in some languages.
 */
public final class CorpusValidator {

    /** At most this many errors and this many warnings are listed; all are counted. */
    public static final int MAX_LISTED = 100;
    private static final int EXAMPLE_IDS = 5;

    private final Map<String, String> fieldNames;
    private final List<Example> examples = new ArrayList<>();
    private final Map<String, Set<String>> idsByLanguage = new TreeMap<>();
    private final Map<String, String> fileByLanguage = new HashMap<>();
    private final List<CorpusIssue> errors = new ArrayList<>();
    private final List<CorpusIssue> warnings = new ArrayList<>();
    private int errorCount;
    private int warningCount;

    private CorpusValidator(Map<String, String> fieldNames) {
        this.fieldNames = fieldNames;
    }

    /** For Pinch JSONL: fields are named as in {@link Example}. */
    public static CorpusValidator jsonl() {
        return new CorpusValidator(Map.of());
    }

    /** For Alpaca JSON: issues name the source fields ({@code output} for the response). */
    public static CorpusValidator alpaca() {
        return new CorpusValidator(Map.of("response", "output"));
    }

    /** Records a problem a reader found itself (malformed JSON, a file named after an unknown language). */
    public void issue(CorpusIssue issue) {
        if (issue.severity() == Severity.ERROR) {
            if (errorCount++ < MAX_LISTED) {
                errors.add(issue);
            }
        } else if (warningCount++ < MAX_LISTED) {
            warnings.add(issue);
        }
    }

    /** Checks one record and keeps it when it is valid. */
    public void accept(CorpusRecord r) {
        int before = errorCount;
        require(r, "id", r.id());
        require(r, "lang", r.lang());
        require(r, "task", r.task());
        require(r, "instruction", r.instruction());
        require(r, "response", r.response());
        require(r, "split", r.split());
        if (present(r.lang()) && !Languages.isKnown(r.lang())) {
            error(r, "lang", "unknown language code " + shown(r.lang()) + " (expected ISO 639-1, e.g. en, sr-Latn, zh-TW)");
        }
        Split split = Split.parse(r.split());
        if (present(r.split()) && split == null) {
            error(r, "split", "invalid split " + shown(r.split()) + " (expected train, dev, validation or test)");
        }
        if (errorCount > before) {
            return;
        }
        if (!idsByLanguage.computeIfAbsent(r.lang(), l -> new HashSet<>()).add(r.id())) {
            error(r, "id", "duplicate id " + shown(r.id()) + " in language " + r.lang());
            return;
        }
        fileByLanguage.putIfAbsent(r.lang(), r.file());
        examples.add(new Example(r.id(), r.lang(), r.task(), split, r.instruction(), r.response()));
    }

    /** Adds the coverage warnings and returns the valid examples with the report. */
    public CorpusValidation finish() {
        if (examples.isEmpty() && errorCount == 0) {
            issue(new CorpusIssue(null, 0, null, null, "the corpus has no examples", Severity.ERROR));
        }
        Set<String> allIds = new HashSet<>();
        idsByLanguage.values().forEach(allIds::addAll);
        Map<String, Integer> missing = new TreeMap<>();
        idsByLanguage.forEach((lang, ids) -> {
            TreeSet<String> lacking = new TreeSet<>(allIds);
            lacking.removeAll(ids);
            missing.put(lang, lacking.size());
            if (!lacking.isEmpty()) {
                issue(new CorpusIssue(fileByLanguage.get(lang), 0, null, "id", "language " + lang + " lacks "
                        + lacking.size() + " of " + allIds.size() + " ids, e.g. "
                        + String.join(", ", lacking.stream().limit(EXAMPLE_IDS).toList()), Severity.WARNING));
            }
        });
        ValidationReport report = new ValidationReport(errorCount == 0, examples.size(), errorCount, warningCount,
                List.copyOf(errors), List.copyOf(warnings), Collections.unmodifiableMap(missing));
        return new CorpusValidation(Collections.unmodifiableList(examples), report);
    }

    private void require(CorpusRecord r, String field, String value) {
        if (!present(value)) {
            error(r, field, "missing, blank or not a string: " + fieldNames.getOrDefault(field, field));
        }
    }

    private void error(CorpusRecord r, String field, String message) {
        issue(new CorpusIssue(r.file(), r.line(), r.index(), fieldNames.getOrDefault(field, field), message,
                Severity.ERROR));
    }

    /**
     * A field's value as a report may quote it: short codes and ids only (up to 24 letters, digits and {@code ._-}),
     * so that a report never carries a file's text; anything else is described by its length.
     */
    static String shown(String value) {
        return value.matches("[A-Za-z0-9._-]{1,24}") ? "'" + value + "'"
                : "(a value of " + value.length() + " characters, not quoted)";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
