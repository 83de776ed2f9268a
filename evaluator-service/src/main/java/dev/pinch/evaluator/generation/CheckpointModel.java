package dev.pinch.evaluator.generation;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinch.lm.LlamaModel;
import dev.pinch.lm.LoraAdapter;
import dev.pinch.lm.PinchTokenizer;
import dev.pinch.lm.PromptEncoder;
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
 * {@code tokenizer.json}, and how it is prompted: the eval config's {@code promptTemplate} when set ({@code chat}:
 * the model's chat template), else the template it was tuned with ({@code settings.promptTemplate} of its
 * {@code trainer_state.json}), else lm's default (a plain HF model without trainer state).
 */
public final class CheckpointModel implements AutoCloseable {

    /** The trainer's state file beside the weights. */
    public static final String TRAINER_STATE = "trainer_state.json";

    private final LlamaModel model;
    private final PinchTokenizer tokenizer;
    private final PromptEncoder format;

    private CheckpointModel(LlamaModel model, PinchTokenizer tokenizer, PromptEncoder format) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.format = format;
    }

    /**
     * Loads a checkpoint, prompted as it was tuned.
     *
     * @param dir    the checkpoint directory
     * @param device where to compute
     * @param dtype  FLOAT32, or FLOAT16 on a GPU
     * @return the loaded checkpoint; close it to free the weights
     */
    public static CheckpointModel load(Path dir, Device device, DataType dtype) {
        return load(dir, device, dtype, null);
    }

    /**
     * Loads a checkpoint.
     *
     * @param dir            the checkpoint directory
     * @param device         where to compute
     * @param dtype          FLOAT32, or FLOAT16 on a GPU
     * @param promptTemplate {@code chat}, a template with {@code {instruction}}, or null for the checkpoint's own
     * @return the loaded checkpoint; close it to free the weights
     */
    public static CheckpointModel load(Path dir, Device device, DataType dtype, String promptTemplate) {
        return load(dir, null, device, dtype, promptTemplate);
    }

    /**
     * Loads a checkpoint that holds full weights ({@code base} null) or a PEFT LoRA adapter over {@code base}: the
     * base's weights with the adapter merged in (so generation costs what the base's does).
     *
     * @param dir            the checkpoint directory (tokenizer.json beside the weights or the adapter)
     * @param base           the base model directory of an adapter checkpoint, or null
     * @param device         where to compute
     * @param dtype          FLOAT32, or FLOAT16 on a GPU
     * @param promptTemplate {@code chat}, a template with {@code {instruction}}, or null for the checkpoint's own
     * @return the loaded checkpoint; close it to free the weights
     */
    public static CheckpointModel load(Path dir, Path base, Device device, DataType dtype, String promptTemplate) {
        Path tokenizerJson = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new IllegalArgumentException("checkpoint " + dir + " has no tokenizer.json");
        }
        PromptEncoder format = PromptEncoder.of(promptTemplate != null ? promptTemplate : promptTemplate(dir), dir);
        PinchTokenizer tokenizer = PinchTokenizer.load(tokenizerJson);
        try {
            return new CheckpointModel(base == null ? LlamaModel.load(dir, device, dtype)
                    : merged(dir, base, device, dtype), tokenizer, format);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    private static LlamaModel merged(Path adapterDir, Path base, Device device, DataType dtype) {
        LlamaModel model = LlamaModel.load(base, device, dtype);
        try (LoraAdapter adapter = LoraAdapter.load(adapterDir, model)) {
            adapter.mergeInto(model);
            return model;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e instanceof IOException io ? new UncheckedIOException("cannot read adapter " + adapterDir, io)
                    : (RuntimeException) e;
        }
    }

    /** The prompt template recorded in the checkpoint's trainer_state.json, else lm's default. */
    public static String promptTemplate(Path dir) {
        Path state = dir.resolve(TRAINER_STATE);
        if (!Files.isRegularFile(state)) {
            return PromptFormat.DEFAULT_TEMPLATE;
        }
        try {
            JsonNode template = new ObjectMapper().readTree(state.toFile()).path("settings").path("promptTemplate");
            return template.isTextual() ? template.asText() : PromptFormat.DEFAULT_TEMPLATE;
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
        return format.response(tokenizer.decode(ids, true));
    }

    /** Ids that end a response: the model config's EOS, the tokenizer's, and a chat template's end of turn. */
    public List<Integer> eosIds() {
        List<Integer> eos = new ArrayList<>(model.config().eosTokenIds());
        for (int id : format.stopIds(tokenizer)) {
            if (!eos.contains(id)) {
                eos.add(id);
            }
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

    /** How prompts are encoded. */
    public PromptEncoder format() {
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
