package dev.pinch.dataset.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Seeded, platform-independent hashing for deterministic choices (splits, templates, source languages): the first
 * 8 bytes of sha256({@code seed + ":" + key}). The same seed and key give the same choice on every machine and run.
 */
public final class CorpusHash {

    private CorpusHash() {
    }

    /** A number uniformly spread over [0, 1). */
    public static double unit(long seed, String key) {
        return (bits(seed, key) >>> 11) * 0x1.0p-53;
    }

    /** A number uniformly spread over [0, {@code bound}). */
    public static int pick(long seed, String key, int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) Long.remainderUnsigned(bits(seed, key), bound);
    }

    private static long bits(long seed, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
