package dev.pinch.dataset.corpus;

import dev.pinch.support.problem.ProblemException;
import java.util.List;

/** A corpus name and version is already registered with different content (a 409). Versions are immutable. */
public class CorpusConflictException extends ProblemException {

    public CorpusConflictException(String message) {
        super(409, "corpus-conflict", "Corpus version already exists", message, List.of());
    }
}
