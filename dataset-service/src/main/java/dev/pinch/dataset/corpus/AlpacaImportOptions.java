package dev.pinch.dataset.corpus;

/**
 * How Alpaca-style files become examples.
 *
 * @param idPrefix        ids are {@code <idPrefix>-<index>}, the index zero-padded to
 *                        {@link AlpacaCorpusReader#ID_DIGITS} digits
 * @param task            task of every example, e.g. {@code instruction}
 * @param heldOutFraction share of indexes held out of training, in [0, 1): half goes to dev, half to test
 * @param seed            seed of the hash that assigns each index its split
 */
public record AlpacaImportOptions(String idPrefix, String task, double heldOutFraction, long seed) {

    /** The task name when none is given. */
    public static final String DEFAULT_TASK = "instruction";

    public AlpacaImportOptions {
        if (idPrefix == null || idPrefix.isBlank()) {
            throw new IllegalArgumentException("idPrefix is required");
        }
        if (task == null || task.isBlank()) {
            task = DEFAULT_TASK;
        }
        if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("heldOutFraction must be in [0, 1): " + heldOutFraction);
        }
    }
}
