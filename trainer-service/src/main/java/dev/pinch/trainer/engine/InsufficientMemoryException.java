package dev.pinch.trainer.engine;

/** A run refused before it started because its estimated peak memory exceeds what it may use. */
public final class InsufficientMemoryException extends IllegalStateException {

    public InsufficientMemoryException(String message) {
        super(message);
    }
}
