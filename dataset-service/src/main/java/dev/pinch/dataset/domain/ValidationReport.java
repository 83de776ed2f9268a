package dev.pinch.dataset.domain;

import java.util.List;
import java.util.Map;

/**
 * The outcome of validating an imported corpus. Issue lists are capped; the counts cover every issue.
 *
 * @param valid                 true when there is no error (warnings allowed)
 * @param examples              valid examples read
 * @param errorCount            errors found, listed or not
 * @param warningCount          warnings found, listed or not
 * @param errors                the first errors, in file order
 * @param warnings              the first warnings
 * @param missingIdsByLanguage  per language, how many of the corpus's ids (the union over all languages) it lacks;
 *                              every language is present, 0 when it has them all
 */
public record ValidationReport(
        boolean valid,
        int examples,
        int errorCount,
        int warningCount,
        List<CorpusIssue> errors,
        List<CorpusIssue> warnings,
        Map<String, Integer> missingIdsByLanguage) {
}
