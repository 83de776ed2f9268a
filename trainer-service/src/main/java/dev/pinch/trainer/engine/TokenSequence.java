package dev.pinch.trainer.engine;

/**
 * One tokenized training sequence. {@code targets[t] == 1} when token {@code ids[t]} is predicted (from
 * position t − 1) and counts in the loss: response tokens and EOS for SFT, every token for pretraining.
 * Position 0 is never a target.
 *
 * @param source where it came from, for logs (an SFT example id), or null
 */
record TokenSequence(int[] ids, byte[] targets, String source) {

    TokenSequence {
        if (ids.length != targets.length) {
            throw new IllegalArgumentException("ids and targets differ in length");
        }
    }

    TokenSequence(int[] ids, byte[] targets) {
        this(ids, targets, null);
    }

    TokenSequence withSource(String source) {
        return new TokenSequence(ids, targets, source);
    }

    int length() {
        return ids.length;
    }

    /** Tokens that are predicted (excludes position 0). */
    int targetCount() {
        int n = 0;
        for (int t = 1; t < targets.length; t++) {
            n += targets[t];
        }
        return n;
    }

    static TokenSequence allTargets(int[] ids) {
        byte[] targets = new byte[ids.length];
        java.util.Arrays.fill(targets, (byte) 1);
        return new TokenSequence(ids, targets);
    }
}
