package dev.pinch.lm;

import java.nio.charset.StandardCharsets;

/** GPT-2's reversible byte-to-character map used by the ByteLevel pre-tokenizer and decoder. */
final class ByteLevelAlphabet {

    /** {@code CHARS[b]} is the printable character that stands for byte {@code b}. */
    static final char[] CHARS = new char[256];

    static {
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            CHARS[b] = printable ? (char) b : (char) (256 + n++);
        }
    }

    private ByteLevelAlphabet() {}

    /**
     * Maps a piece of text to its byte-level characters.
     *
     * @param text the text
     * @return one character per UTF-8 byte
     */
    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = CHARS[bytes[i] & 0xFF];
        }
        return new String(out);
    }
}
