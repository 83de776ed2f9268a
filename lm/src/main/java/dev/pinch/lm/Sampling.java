package dev.pinch.lm;

/** Nucleus (top-p) sampling over one row of probabilities, given the row's indices in descending order. */
final class Sampling {

    private Sampling() {}

    /**
     * Samples a token.
     *
     * @param probs probabilities of all rows, row-major
     * @param order for each row, token ids by descending probability (same layout as {@code probs})
     * @param offset start of this row in both arrays
     * @param vocab row length
     * @param topP nucleus mass in (0, 1]
     * @param u a uniform draw in [0, 1)
     * @return the sampled token id
     */
    static long nucleus(float[] probs, long[] order, int offset, int vocab, float topP, double u) {
        double kept = 0;
        int n = 0;
        while (n < vocab) {
            kept += probs[offset + (int) order[offset + n]];
            n++;
            if (kept >= topP) {
                break;
            }
        }
        double target = u * kept;
        double acc = 0;
        for (int j = 0; j < n; j++) {
            long id = order[offset + j];
            acc += probs[offset + (int) id];
            if (acc > target) {
                return id;
            }
        }
        return order[offset + n - 1];
    }
}
