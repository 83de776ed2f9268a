package dev.pinch.dataset.service;

import dev.pinch.dataset.domain.CorpusIssue;
import dev.pinch.dataset.domain.ValidationReport;
import dev.pinch.dataset.domain.Violation;
import java.util.List;
import java.util.Optional;

/**
 * An import was refused and nothing was registered: either the request itself is wrong (name, version, format,
 * path, options), or the corpus has errors, which its {@link #report()} lists with file and line.
 */
public class CorpusImportException extends RuntimeException {

    private final transient ValidationReport report;
    private final transient List<Violation> violations;

    /** The request is wrong in {@code field}. */
    public CorpusImportException(String field, String message) {
        super(message);
        this.report = null;
        this.violations = List.of(new Violation(field, message));
    }

    /** The corpus has errors. */
    public CorpusImportException(ValidationReport report) {
        super("the corpus has " + report.errorCount() + " error(s)" + (report.errorCount() > report.errors().size()
                ? "; the first " + report.errors().size() + " are listed" : ""));
        this.report = report;
        this.violations = report.errors().stream().map(CorpusImportException::violation).toList();
    }

    /** The validation report, when the corpus was read. */
    public Optional<ValidationReport> report() {
        return Optional.ofNullable(report);
    }

    /**
     * What is wrong, one entry per listed error. Corpus errors name their place as {@code file:line.field}, or
     * {@code file[index].field} for an Alpaca array element.
     */
    public List<Violation> violations() {
        return violations;
    }

    private static Violation violation(CorpusIssue issue) {
        StringBuilder where = new StringBuilder(issue.file() == null ? "corpus" : issue.file());
        if (issue.index() != null) {
            where.append('[').append(issue.index()).append(']');
        } else if (issue.line() > 0) {
            where.append(':').append(issue.line());
        }
        if (issue.field() != null) {
            where.append('.').append(issue.field());
        }
        return new Violation(where.toString(), issue.message());
    }
}
