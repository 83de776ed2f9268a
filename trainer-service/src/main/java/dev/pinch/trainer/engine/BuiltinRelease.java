package dev.pinch.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in base model as it is published and shipped: the final pretraining checkpoint's weights stored in fp16
 * (half the size; every later run loads them as fp32), its config, tokenizer and trainer_state.json (the pretraining
 * loss curve), but no optimizer state; and {@value #HELDOUT}: the held-out windows of the pretraining text and the
 * mean next-token loss of the fp16 weights on them, so a copy can be checked against the model it claims to be.
 */
public final class BuiltinRelease {

    /** The held-out check's file: {@code {"loss", "tokens", "windows": [[ids]]}}. */
    public static final String HELDOUT = "heldout.json";
    /** Every file of a release. */
    public static final List<String> FILES = List.of("config.json", "model.safetensors", "tokenizer.json",
            "tokenizer_config.json", "trainer_state.json", HELDOUT);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BuiltinRelease() {
    }

    /** Writes the release of {@code checkpoint} into {@code out}, measured on the {@code heldOut} windows. */
    static Path write(Path checkpoint, List<TokenSequence> heldOut, int padId, Path out) throws IOException {
        Files.createDirectories(out);
        try (LlamaLm model = LlamaLm.load(checkpoint, Device.cpu())) {
            model.model().save(out, DataType.FLOAT16);
        }
        for (String side : List.of("tokenizer.json", "tokenizer_config.json", TrainerState.FILE)) {
            Files.copy(checkpoint.resolve(side), out.resolve(side), StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, Object> heldout = new LinkedHashMap<>();
        heldout.put("loss", loss(out, heldOut, padId));
        heldout.put("tokens", heldOut.stream().mapToLong(TokenSequence::targetCount).sum());
        heldout.put("windows", heldOut.stream().map(TokenSequence::ids).toList());
        JSON.writeValue(out.resolve(HELDOUT).toFile(), heldout);
        return out;
    }

    /** The recorded held-out loss of a release directory. */
    public static double recordedLoss(Path release) throws IOException {
        return JSON.readTree(release.resolve(HELDOUT).toFile()).path("loss").asDouble(Double.NaN);
    }

    /** The held-out loss of a release directory's weights, measured now on its recorded windows. */
    public static double measuredLoss(Path release) throws IOException {
        JsonNode windows = JSON.readTree(release.resolve(HELDOUT).toFile()).path("windows");
        List<TokenSequence> heldOut = new ArrayList<>();
        windows.forEach(w -> {
            int[] ids = new int[w.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = w.get(i).asInt();
            }
            heldOut.add(TokenSequence.allTargets(ids));
        });
        int pad = JSON.readTree(release.resolve("config.json").toFile()).path("pad_token_id").asInt(0);
        return loss(release, heldOut, pad);
    }

    private static double loss(Path dir, List<TokenSequence> heldOut, int padId) {
        try (LlamaLm model = LlamaLm.load(dir, Device.cpu())) {
            return new DevEvaluator(heldOut, 8, padId).loss(model);
        }
    }
}
