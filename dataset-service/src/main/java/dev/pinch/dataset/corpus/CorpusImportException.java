package dev.pinch.dataset.corpus;

import dev.pinch.dataset.domain.CorpusIssue;
import dev.pinch.dataset.domain.ValidationReport;
import dev.pinch.events.Violation;
import dev.pinch.support.problem.ProblemException;
import java.util.List;
import java.util.Optional;

/**
 * An import was refused and nothing was registered: either the request itself is wrong (name, version, format,
 * path, options), or the corpus has errors, which its {@link #report()} lists with file and line.
 */
public class CorpusImportException extends ProblemException {

    private static final String KIND = "invalid-corpus";
    private static final String TITLE = "Invalid corpus";

    private final transient ValidationReport report;

    /** The request is wrong in {@code field}. */
    public CorpusImportException(String field, String message) {
        super(400, KIND, TITLE, message, List.of(new Violation(field, message)));
        this.report = null;
    }

    /**
     * The corpus has errors. Its violations are one entry per listed error; corpus errors name their place as
     * {@code file:line.field}, or {@code file[index].field} for an Alpaca array element.
     */
    public CorpusImportException(ValidationReport report) {
        super(400, KIND, TITLE, "the corpus has " + report.errorCount() + " error(s)"
                + (report.errorCount() > report.errors().size()
                ? "; the first " + report.errors().size() + " are listed" : ""),
                report.errors().stream().map(CorpusImportException::violation).toList());
        this.report = report;
    }

    /** The validation report, when the corpus was read. */
    public Optional<ValidationReport> validationReport() {
        return Optional.ofNullable(report);
    }

    /** The problem body's {@code report} member: the validation report, when the corpus was read. */
    @Override
    public Object report() {
        return report;
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
