package dev.pinch.trainer.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Copy drills: pretraining windows that teach a model to copy from its context, the skill the built-in tasks copy,
 * translation and continuation rest on, and which ten million tokens of natural text alone did not teach the built-in
 * model ({@code copy_probe.py}). A drill window is a run of segments: each segment is {@code minLength} to
 * {@code maxLength} tokens drawn one by one at random positions of the text's own token stream (so it follows the
 * text's unigram distribution, EOS excluded), written twice with the separator after each writing. Only the second
 * writing and its separator are targets: the model learns to repeat what it read, never to guess random tokens.
 * Drill windows are added to the natural ones, never replace them, and the dev windows stay natural text.
 *
 * @param share     drill windows as a share of all training windows, in [0, 0.9]; 0 means none
 * @param minLength shortest segment, in tokens (at least 1)
 * @param maxLength longest segment, in tokens (at least minLength)
 */
public record CopyDrills(double share, int minLength, int maxLength) {

    /** No drills: plain packed text. */
    public static final CopyDrills NONE = new CopyDrills(0, 1, 1);

    public CopyDrills {
        if (!(share >= 0 && share <= 0.9)) {
            throw new IllegalArgumentException("copy drill share must be in [0, 0.9], was " + share);
        }
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("copy drill segments need 1 <= minLength <= maxLength, were "
                    + minLength + " and " + maxLength);
        }
    }

    /** Drill windows to add beside {@code natural} natural ones so that they make {@link #share()} of all. */
    int count(int natural) {
        return (int) Math.round(natural * share / (1 - share));
    }

    /**
     * The drill windows for {@code natural} natural windows: deterministic in {@code seed}.
     *
     * @param stream    the text's token stream (the source of the segments' tokens)
     * @param natural   natural training windows
     * @param len       window length in tokens
     * @param separator tokens written after each writing of a segment (e.g. the encoding of a newline)
     * @param eos       the EOS id, never drawn into a segment
     * @param seed      the run's seed
     */
    List<TokenSequence> windows(int[] stream, int natural, int len, int[] separator, int eos, long seed) {
        int count = count(natural);
        List<TokenSequence> out = new ArrayList<>(count);
        SplittableRandom random = new SplittableRandom(seed ^ 0x636f70794472696cL);
        for (int w = 0; w < count; w++) {
            out.add(window(stream, len, separator, eos, random).withSource("copy-drill-" + w));
        }
        return out;
    }

    private TokenSequence window(int[] stream, int len, int[] separator, int eos, SplittableRandom random) {
        int[] ids = new int[len];
        byte[] targets = new byte[len];
        int at = 0;
        while (at < len) {
            int[] segment = new int[random.nextInt(minLength, maxLength + 1)];
            for (int i = 0; i < segment.length; i++) {
                int token;
                do {
                    token = stream[random.nextInt(stream.length)];
                } while (token == eos);
                segment[i] = token;
            }
            at = put(ids, targets, at, segment, false);
            at = put(ids, targets, at, separator, false);
            at = put(ids, targets, at, segment, true);
            at = put(ids, targets, at, separator, true);
        }
        targets[0] = 0;
        return new TokenSequence(ids, targets);
    }

    private static int put(int[] ids, byte[] targets, int at, int[] tokens, boolean target) {
        int n = Math.min(tokens.length, ids.length - at);
        System.arraycopy(tokens, 0, ids, at, n);
        Arrays.fill(targets, at, at + n, (byte) (target ? 1 : 0));
        return at + n;
    }
}
