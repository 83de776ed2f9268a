package dev.pinch.dataset.corpus;

import dev.pinch.support.problem.ProblemException;
import java.util.List;

/** No corpus (or no such version of it) is registered: a 404. */
public class CorpusNotFoundException extends ProblemException {

    public CorpusNotFoundException(String message) {
        super(404, "not-found", "Not found", message, List.of());
    }
}
