package dev.pinch.lm;

import java.util.List;

/**
 * A checkpoint does not match its config: missing, unexpected or mis-shaped tensors, or missing files.
 * The message names every offending tensor (with expected and actual shapes).
 */
public class CheckpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param where the checkpoint directory or file
     * @param problems one line per problem
     */
    public CheckpointException(String where, List<String> problems) {
        super(where + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return one line per problem found */
    public List<String> problems() {
        return problems;
    }
}
