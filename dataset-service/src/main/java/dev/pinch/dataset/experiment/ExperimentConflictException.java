package dev.pinch.dataset.experiment;

import dev.pinch.support.problem.ProblemException;
import java.util.List;

/** The experiment id is taken by an experiment with a different spec: a 409. */
public class ExperimentConflictException extends ProblemException {

    public ExperimentConflictException(String id, String existingSha256, String postedSha256) {
        super(409, "experiment-conflict", "Experiment id already used", "experiment '" + id
                + "' already exists with a different spec (sha256 " + existingSha256 + ", posted " + postedSha256
                + "); choose a new id", List.of());
    }
}
