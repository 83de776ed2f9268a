package dev.pinch.lm;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the byte-level BPE {@code tokenizer.json} of Pinch's built-in model (Hugging Face tokenizers
 * format, GPT-2 style): a ByteLevel pre-tokenizer and decoder, the 256 byte symbols as ids 0..255 (id =
 * byte value), optionally merges learned from a corpus, then the special tokens {@value #EOS} (EOS) and
 * {@value #PAD}. Any UTF-8 text round-trips exactly; there is no unknown token.
 */
public final class ByteLevelTokenizer {

    /** The end-of-sequence token. */
    public static final String EOS = "<|endoftext|>";
    /** The padding token. */
    public static final String PAD = "<|pad|>";

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private ByteLevelTokenizer() {}

    /**
     * Writes the pure byte-level tokenizer: 256 byte symbols, no merges, EOS = 256, pad = 257.
     *
     * @param tokenizerJson the file to write
     */
    public static void write(Path tokenizerJson) {
        write(tokenizerJson, List.of(), 258);
    }

    /**
     * Writes a byte-level tokenizer with up to {@code vocabSize - 258} merges learned from {@code corpus}
     * (deterministic: most frequent pair first, ties broken by the pair's ids).
     *
     * @param tokenizerJson the file to write
     * @param corpus training texts
     * @param vocabSize total vocabulary size including the 256 bytes and 2 special tokens (>= 258)
     */
    public static void write(Path tokenizerJson, Iterable<String> corpus, int vocabSize) {
        if (vocabSize < 258) {
            throw new IllegalArgumentException("vocabSize must be at least 258, was " + vocabSize);
        }
        List<String> symbols = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            symbols.add(String.valueOf(ByteLevelAlphabet.CHARS[b]));
        }
        List<String> merges = BpeTrainer.learn(corpus, symbols, vocabSize - 258);
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            vocab.put(symbols.get(i), i);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "1.0");
        json.put("truncation", null);
        json.put("padding", null);
        json.put("added_tokens", List.of(special(symbols.size(), EOS), special(symbols.size() + 1, PAD)));
        json.put("normalizer", null);
        json.put("pre_tokenizer", byteLevel(false));
        json.put("post_processor", null);
        json.put("decoder", byteLevel(true));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "BPE");
        model.put("dropout", null);
        model.put("unk_token", null);
        model.put("continuing_subword_prefix", null);
        model.put("end_of_word_suffix", null);
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("vocab", vocab);
        model.put("merges", merges);
        json.put("model", model);
        try {
            Files.writeString(tokenizerJson, GSON.toJson(json), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + tokenizerJson, e);
        }
    }

    private static Map<String, Object> special(int id, String content) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("content", content);
        t.put("single_word", false);
        t.put("lstrip", false);
        t.put("rstrip", false);
        t.put("normalized", false);
        t.put("special", true);
        return t;
    }

    private static Map<String, Object> byteLevel(boolean prefixSpace) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "ByteLevel");
        m.put("add_prefix_space", prefixSpace);
        m.put("trim_offsets", true);
        m.put("use_regex", true);
        return m;
    }
}
