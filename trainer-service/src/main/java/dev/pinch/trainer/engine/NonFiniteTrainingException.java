package dev.pinch.trainer.engine;

/**
 * A run that cannot go on: {@code maxNonFiniteSteps} optimizer steps in a row had a non-finite loss or gradient
 * norm (each was skipped), or the weights themselves are no longer finite. The service marks the run FAILED
 * with this message; no checkpoint with non-finite weights is ever written.
 */
public final class NonFiniteTrainingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    NonFiniteTrainingException(String message) {
        super(message);
    }
}
