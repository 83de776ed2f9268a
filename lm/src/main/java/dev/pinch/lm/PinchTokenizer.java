package dev.pinch.lm;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Any Hugging Face {@code tokenizer.json}, through DJL's HuggingFace tokenizers (Rust, native library
 * inside the jar; nothing downloaded). {@link #encode} never adds special tokens; {@link #decode} keeps
 * them unless asked to skip them.
 *
 * <p>EOS and pad come from a {@code tokenizer_config.json} beside the file when there is one, else from
 * well-known special tokens ({@code <|endoftext|>}, {@code </s>}, ...); the pad falls back to EOS.
 */
public final class PinchTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final String json;
    private final TokenizerVocab vocab;
    private final int eosId;
    private final int padId;
    private final int bosToAdd;

    private PinchTokenizer(HuggingFaceTokenizer tokenizer, String json, TokenizerVocab vocab, int eos, int pad,
            int bosToAdd) {
        this.tokenizer = tokenizer;
        this.json = json;
        this.vocab = vocab;
        this.eosId = eos;
        this.padId = pad;
        this.bosToAdd = bosToAdd;
    }

    /**
     * Loads a tokenizer, finding EOS and pad as described in the class comment.
     *
     * @param tokenizerJson the {@code tokenizer.json}
     * @return the tokenizer
     * @throws IllegalArgumentException when no EOS token can be found
     */
    public static PinchTokenizer load(Path tokenizerJson) {
        return load(tokenizerJson, null, null);
    }

    /**
     * Loads a tokenizer with explicit EOS and pad tokens (null: found as in {@link #load(Path)}).
     *
     * @param tokenizerJson the {@code tokenizer.json}
     * @param eosToken the EOS token's text, or null
     * @param padToken the pad token's text, or null
     * @return the tokenizer
     */
    public static PinchTokenizer load(Path tokenizerJson, String eosToken, String padToken) {
        Engines.engine(); // sets offline mode before DJL's tokenizer library loads
        try {
            String json = Files.readString(tokenizerJson, StandardCharsets.UTF_8);
            TokenizerVocab vocab = TokenizerVocab.parse(json);
            Path config = tokenizerJson.resolveSibling("tokenizer_config.json");
            String[] special = TokenizerVocab.specialTokens(config);
            int eos = vocab.resolve(eosToken != null ? eosToken : special[0], TokenizerVocab.EOS_CANDIDATES);
            if (eos < 0) {
                throw new IllegalArgumentException(tokenizerJson + ": no EOS token found; pass one explicitly");
            }
            int pad = vocab.resolve(padToken != null ? padToken : special[1], TokenizerVocab.PAD_CANDIDATES);
            Map<String, String> options = Map.of("addSpecialTokens", "false", "truncation", "false",
                    "padding", "false", "modelMaxLength", String.valueOf(Integer.MAX_VALUE));
            HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), options);
            return new PinchTokenizer(tok, json, vocab, eos, pad < 0 ? eos : pad, vocab.bosToAdd(json, config));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load tokenizer " + tokenizerJson, e);
        }
    }

    /**
     * Encodes text without adding any special token.
     *
     * @param text the text
     * @return the token ids
     */
    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    /**
     * Decodes ids to text, keeping special tokens.
     *
     * @param ids the token ids
     * @return the text
     */
    public String decode(int[] ids) {
        return decode(ids, false);
    }

    /**
     * Decodes ids to text.
     *
     * @param ids the token ids
     * @param skipSpecialTokens whether to drop special tokens (EOS, pad, ...)
     * @return the text
     */
    public String decode(int[] ids, boolean skipSpecialTokens) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            l[i] = ids[i];
        }
        return tokenizer.decode(l, skipSpecialTokens);
    }

    /** @return the EOS id */
    public int eosId() {
        return eosId;
    }

    /**
     * The BOS a prompt starts with, as transformers' tokenizer adds it: {@code add_bos_token} and {@code bos_token} of
     * tokenizer_config.json (Gemma, Llama 2) or, without that key, a special token the tokenizer.json post-processor
     * puts first (Llama 3).
     *
     * @return the BOS id, or -1 when the tokenizer adds none (Qwen, the built-in tokenizer)
     */
    public int bosToAdd() {
        return bosToAdd;
    }

    /** @return the pad id (EOS when the tokenizer has no pad token) */
    public int padId() {
        return padId;
    }

    /** @return one more than the largest id (model vocabularies must be at least this big) */
    public int vocabSize() {
        return vocab.size();
    }

    /**
     * @param token a token's text (e.g. a special token)
     * @return its id, or -1
     */
    public int tokenId(String token) {
        return vocab.id(token);
    }

    /**
     * Writes the tokenizer as {@code tokenizer.json} into a checkpoint directory.
     *
     * @param dir the directory
     */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("tokenizer.json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write tokenizer.json to " + dir, e);
        }
    }

    /** Frees the native tokenizer. */
    @Override
    public void close() {
        tokenizer.close();
    }
}
