package dev.pinch.store;

/** A key or URI that the store refuses: outside its root, malformed, or of another store. */
public class ArtifactAccessException extends IllegalArgumentException {

    public ArtifactAccessException(String message) {
        super(message);
    }
}
