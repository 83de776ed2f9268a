package dev.pinch.evaluator.scoring;

import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * Whether a response is degenerate repetition, the failure of small or under-trained models that loop on a word or
 * a phrase. A response is degenerate when either rule holds:
 * <ol>
 *   <li><b>compressible</b>: it has at least {@value #MIN_BYTES} UTF-8 bytes and zlib (level 6, the default of
 *       Python's {@code zlib.compress}, header and checksum included) shrinks it below {@value #MAX_RATIO} of its
 *       UTF-8 size. Natural text of any script stays above about 0.5 (0.78 for a 170-byte Spanish sentence, above 1
 *       for short answers, which zlib's 6 bytes of header and checksum make larger); a word repeated until the end
 *       falls to 0.2–0.3. Responses under {@value #MIN_BYTES} bytes (a label such as {@code sports}, a short answer)
 *       are never degenerate: too short to call repetitive, and zlib's fixed overhead would dominate their ratio.
 *   <li><b>looping at the token limit</b>: generation stopped at {@code maxNewTokens}, not at end of sequence, and
 *       the response ends in at least three copies of one unit (the last copy may be cut short) that together cover
 *       at least half of it. This catches a loop with a period too long for the first rule to see in a short budget
 *       ("I like the city. I like the city. I like the c" is 63 bytes at ratio 0.44). Trailing whitespace and
 *       U+FFFD (a multi-byte character cut by the limit) are ignored.
 * </ol>
 * The first rule alone is the measure issue 10 used for the built-in model (compressed under 0.35 of the raw size).
 */
public final class Degeneracy {

    /** Compressed size over UTF-8 size below which a response counts as repetitive. */
    public static final double MAX_RATIO = 0.35;
    /** Shortest response, in UTF-8 bytes, that the compression rule judges. */
    public static final int MIN_BYTES = 32;

    private Degeneracy() {
    }

    /**
     * @param response        the decoded response
     * @param hitTokenLimit whether generation stopped because it reached {@code maxNewTokens}
     */
    public static boolean degenerate(String response, boolean hitTokenLimit) {
        byte[] utf8 = response.getBytes(StandardCharsets.UTF_8);
        if (utf8.length >= MIN_BYTES && compressedSize(utf8) < MAX_RATIO * utf8.length) {
            return true;
        }
        return hitTokenLimit && loopsToTheEnd(response);
    }

    /** zlib-compressed size at level 6 (header and Adler-32 checksum included). */
    static int compressedSize(byte[] data) {
        Deflater deflater = new Deflater(6);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] buffer = new byte[data.length + 64];
            int size = 0;
            while (!deflater.finished()) {
                size += deflater.deflate(buffer);
            }
            return size;
        } finally {
            deflater.end();
        }
    }

    /** Whether the text ends in three or more copies of one unit that cover at least half of it. */
    static boolean loopsToTheEnd(String response) {
        int[] t = response.replaceAll("[\\s\\x{FFFD}]+$", "").codePoints().toArray();
        int n = t.length;
        for (int period = 1; period <= n / 3; period++) {
            int matched = 0;
            while (matched < n - period && t[n - 1 - matched] == t[n - 1 - matched - period]) {
                matched++;
            }
            int loop = matched + period;
            if (loop >= 3 * period && 2 * loop >= n) {
                return true;
            }
        }
        return false;
    }
}
