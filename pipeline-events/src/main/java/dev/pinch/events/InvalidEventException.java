package dev.pinch.events;

/** An event that cannot be processed; its message is the reason recorded on the dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }
}
