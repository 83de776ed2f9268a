package dev.pinch.evaluator.generation;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinch.lm.LlamaModel;
import dev.pinch.lm.PinchTokenizer;
import dev.pinch.lm.PromptFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A checkpoint directory loaded for generation: the model ({@code config.json} + safetensors), its
 * {@code tokenizer.json}, and the prompt template it was tuned with ({@code settings.promptTemplate} of its
 * {@code trainer_state.json}; lm's default template when the checkpoint has none, e.g. a plain HF model).
 */
public final class CheckpointModel implements AutoCloseable {

    /** The trainer's state file beside the weights. */
    public static final String TRAINER_STATE = "trainer_state.json";

    private final LlamaModel model;
    private final PinchTokenizer tokenizer;
    private final PromptFormat format;
    private final String nextTurn;

    private CheckpointModel(LlamaModel model, PinchTokenizer tokenizer, PromptFormat format) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.format = format;
        String head = format.template().substring(0, format.template().indexOf(PromptFormat.SLOT)).strip();
        this.nextTurn = head.length() >= 3 ? head : null;
    }

    /**
     * Loads a checkpoint.
     *
     * @param dir    the checkpoint directory
     * @param device where to compute
     * @param dtype  FLOAT32, or FLOAT16 on a GPU
     * @return the loaded checkpoint; close it to free the weights
     */
    public static CheckpointModel load(Path dir, Device device, DataType dtype) {
        Path tokenizerJson = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new IllegalArgumentException("checkpoint " + dir + " has no tokenizer.json");
        }
        PinchTokenizer tokenizer = PinchTokenizer.load(tokenizerJson);
        try {
            return new CheckpointModel(LlamaModel.load(dir, device, dtype), tokenizer, promptFormat(dir));
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /** The prompt template recorded in the checkpoint's trainer_state.json, else lm's default. */
    public static PromptFormat promptFormat(Path dir) {
        Path state = dir.resolve(TRAINER_STATE);
        if (!Files.isRegularFile(state)) {
            return PromptFormat.defaults();
        }
        try {
            JsonNode template = new ObjectMapper().readTree(state.toFile()).path("settings").path("promptTemplate");
            return template.isTextual() ? new PromptFormat(template.asText()) : PromptFormat.defaults();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + state, e);
        }
    }

    /**
     * The prompt's tokens, keeping only its last tokens when it would leave fewer than {@code maxNewTokens} (at most
     * half the context) positions for the response.
     */
    public int[] encodePrompt(String instruction, int maxNewTokens) {
        int[] ids = format.encodePrompt(tokenizer, instruction);
        int context = model.config().maxPositionEmbeddings();
        int room = context - Math.min(maxNewTokens, context / 2);
        return ids.length <= room ? ids : Arrays.copyOfRange(ids, ids.length - room, ids.length);
    }

    /** The response text of generated ids: special tokens dropped, cut where the model starts a new turn. */
    public String decode(int[] ids) {
        String text = tokenizer.decode(ids, true);
        int cut = nextTurn == null ? -1 : text.indexOf(nextTurn);
        return (cut >= 0 ? text.substring(0, cut) : text).strip();
    }

    /** EOS ids: the model config's and the tokenizer's. */
    public List<Integer> eosIds() {
        List<Integer> eos = new ArrayList<>(model.config().eosTokenIds());
        if (!eos.contains(tokenizer.eosId())) {
            eos.add(tokenizer.eosId());
        }
        return eos;
    }

    /** The pad id (the tokenizer's, which falls back to EOS). */
    public int padId() {
        return tokenizer.padId();
    }

    /** The model. */
    public LlamaModel model() {
        return model;
    }

    /** The prompt template in use. */
    public PromptFormat format() {
        return format;
    }

    /** Frees the weights and the tokenizer. */
    @Override
    public void close() {
        try {
            model.close();
        } finally {
            tokenizer.close();
        }
    }
}
