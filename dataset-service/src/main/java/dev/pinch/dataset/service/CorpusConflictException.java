package dev.pinch.dataset.service;

/** A corpus name and version is already registered with different content. Versions are immutable. */
public class CorpusConflictException extends RuntimeException {

    public CorpusConflictException(String message) {
        super(message);
    }
}
