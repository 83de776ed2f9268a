package dev.pinch.dataset.service;

/** The experiment id is taken by an experiment with a different spec. */
public class ExperimentConflictException extends RuntimeException {

    public ExperimentConflictException(String id, String existingSha256, String postedSha256) {
        super("experiment '" + id + "' already exists with a different spec (sha256 " + existingSha256
                + ", posted " + postedSha256 + "); choose a new id");
    }
}
