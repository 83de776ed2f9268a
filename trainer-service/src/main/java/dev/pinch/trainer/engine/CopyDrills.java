package dev.pinch.trainer.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Copy drills: pretraining windows that teach a model to copy from its context, the skill the built-in tasks copy,
 * translation and continuation rest on, and which ten million tokens of natural text alone did not teach the built-in
 * model ({@code copy_probe.py}). A drill window is a run of segments of {@code minLength} to {@code maxLength} tokens,
 * each written twice with the separator after each writing. Only the second writing and its separator are targets:
 * the model learns to repeat what it read, never to guess random tokens.
 *
 * <p>Tokens are drawn either from the text's own token stream ({@link Draw#TEXT}: its unigram distribution) or
 * uniformly from the vocabulary, special and separator tokens excluded ({@link Draw#UNIFORM}). Only uniform
 * tokens taught a fresh model of the built-in config to copy ({@code drills_from_scratch.py}: frequent tokens let a
 * model lower the loss by guessing, which stalls it). Drills come in two places: {@code leadSteps} optimizer steps of
 * drills alone, {@code leadLength} tokens a window, before any text (the phase in which copying forms), and drill
 * windows of the text's length added beside the text windows so that they make {@code share} of them (to keep the
 * skill). The dev windows stay natural text.
 *
 * @param share      drill windows as a share of the text phase's training windows, in [0, 0.9]; 0 means none
 * @param minLength  shortest segment, in tokens (at least 1)
 * @param maxLength  longest segment, in tokens (at least minLength)
 * @param draw       where the segments' tokens come from
 * @param leadSteps  optimizer steps of drills alone before the text (0: none)
 * @param leadLength tokens per lead window (at least 2 × (minLength + separator) to hold one segment twice)
 * @param leadLearningRate the lead's constant rate ({@link LrSchedule.Lead}; positive when there is a lead); the text
 *                   phase's schedule then starts afresh
 */
public record CopyDrills(double share, int minLength, int maxLength, Draw draw, int leadSteps, int leadLength,
        double leadLearningRate) {

    /** Where drill tokens come from. */
    public enum Draw {
        /** Positions of the text's token stream drawn at random, EOS excluded. */
        TEXT,
        /** Ids of the vocabulary drawn uniformly, special and separator ids excluded. */
        UNIFORM
    }

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
        java.util.Objects.requireNonNull(draw, "draw");
        if (leadSteps < 0 || leadSteps > 0 && leadLength < 2 * minLength + 2) {
            throw new IllegalArgumentException("copy drill lead needs leadSteps >= 0 and windows of at least "
                    + (2 * minLength + 2) + " tokens, were " + leadSteps + " and " + leadLength);
        }
        if (leadSteps > 0 && !(leadLearningRate > 0)) {
            throw new IllegalArgumentException("copy drill lead needs a positive learning rate, was "
                    + leadLearningRate);
        }
    }

    /** Drills of the text's own tokens beside the text, no lead phase. */
    public CopyDrills(double share, int minLength, int maxLength) {
        this(share, minLength, maxLength, Draw.TEXT, 0, 0, 0);
    }

    /** These drills with another share of the text phase's windows (the lead unchanged). */
    public CopyDrills withShare(double other) {
        return new CopyDrills(other, minLength, maxLength, draw, leadSteps, leadLength, leadLearningRate);
    }

    /**
     * The drills' part of a model name's hash, spelt out here rather than left to the record's {@code toString}, whose
     * format Java does not fix: {@code CopyDrills[share=…, minLength=…, maxLength=…, draw=…, leadSteps=…,
     * leadLength=…, leadLearningRate=…]}.
     */
    public String key() {
        return "CopyDrills[share=" + share + ", minLength=" + minLength + ", maxLength=" + maxLength + ", draw=" + draw
                + ", leadSteps=" + leadSteps + ", leadLength=" + leadLength + ", leadLearningRate=" + leadLearningRate
                + "]";
    }

    /** Drill windows to add beside {@code natural} natural ones so that they make {@link #share()} of all. */
    int count(int natural) {
        return (int) Math.round(natural * share / (1 - share));
    }

    /**
     * What drills are written with.
     *
     * @param stream    the text's token stream (the source of {@link Draw#TEXT} tokens)
     * @param separator tokens written after each writing of a segment (e.g. the encoding of a newline)
     * @param special   ids never drawn into a segment (EOS, pad)
     * @param vocabSize ids run from 0 to {@code vocabSize - 1} (the range of {@link Draw#UNIFORM} tokens)
     */
    record Alphabet(int[] stream, int[] separator, Set<Integer> special, int vocabSize) {
    }

    /** The drill windows of {@code len} tokens for {@code natural} natural windows: deterministic in {@code seed}. */
    List<TokenSequence> windows(Alphabet alphabet, int natural, int len, long seed) {
        return make("copy-drill-", count(natural), alphabet, len, seed ^ 0x636f70794472696cL);
    }

    /** The lead phase's learning rate. */
    LrSchedule.Lead schedule() {
        return new LrSchedule.Lead(leadSteps, leadLearningRate);
    }

    /** The lead phase's windows: {@code leadSteps × windowsPerStep} of {@code leadLength} tokens. */
    List<TokenSequence> lead(Alphabet alphabet, int windowsPerStep, long seed) {
        return make("copy-lead-", leadSteps * windowsPerStep, alphabet, leadLength, seed ^ 0x6c65616444726c6cL);
    }

    private List<TokenSequence> make(String source, int count, Alphabet alphabet, int len, long seed) {
        Set<Integer> excluded = new HashSet<>(alphabet.special());
        if (draw == Draw.UNIFORM) {
            Arrays.stream(alphabet.separator()).forEach(excluded::add);
        }
        int[] pool = (draw == Draw.TEXT ? Arrays.stream(alphabet.stream()) : IntStream.range(0, alphabet.vocabSize()))
                .filter(t -> !excluded.contains(t)).toArray();
        if (count > 0 && pool.length == 0) {
            throw new IllegalArgumentException("no token to draw copy drills from");
        }
        List<TokenSequence> out = new ArrayList<>(count);
        SplittableRandom random = new SplittableRandom(seed);
        for (int w = 0; w < count; w++) {
            out.add(window(pool, len, alphabet.separator(), random).withSource(source + w));
        }
        return out;
    }

    private TokenSequence window(int[] pool, int len, int[] separator, SplittableRandom random) {
        int[] ids = new int[len];
        byte[] targets = new byte[len];
        int at = 0;
        while (at < len) {
            int[] segment = new int[random.nextInt(minLength, maxLength + 1)];
            for (int i = 0; i < segment.length; i++) {
                segment[i] = pool[random.nextInt(pool.length)];
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
