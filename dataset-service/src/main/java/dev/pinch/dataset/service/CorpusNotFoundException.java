package dev.pinch.dataset.service;

/** No corpus (or no such version of it) is registered. */
public class CorpusNotFoundException extends RuntimeException {

    public CorpusNotFoundException(String message) {
        super(message);
    }
}
