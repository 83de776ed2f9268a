package dev.pinch.trainer.engine;

import dev.pinch.lm.ByteLevelTokenizer;
import dev.pinch.lm.LlamaConfig;
import dev.pinch.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Pinch's built-in base model: a small Llama over the pure byte-level tokenizer (256 bytes, EOS 256,
 * pad 257), pretrained by {@link DjlTrainingEngine#pretrain} on the built-in multilingual text. Sized for
 * 2 CPU cores (measured on the dev machine, fp32): training runs at about 9,000 tokens/s on 16 × 256
 * windows, so pretraining ({@link #pretrainSettings()}: 600 steps, 2.5M tokens, a third of the text) takes
 * about 5 minutes, and fine-tuning with the default settings takes about a minute per 1,000 examples.
 */
public final class BuiltinModel {

    /** Bumped whenever the recipe changes in a way the config and settings do not show. */
    static final int RECIPE = 1;

    static final int VOCAB = 258;
    static final int EOS = 256;
    static final int PAD = 257;

    private BuiltinModel() {
    }

    /**
     * hidden 192, 4 layers, 4 heads of 48 (2 KV heads), SwiGLU 512, 1024 positions, untied, rope 10000:
     * 1.7M parameters.
     */
    public static LlamaConfig config() {
        return LlamaConfig.llama(192, 512, 4, 4, 2, VOCAB, 1024, null, EOS, PAD);
    }

    /**
     * The pretraining recipe, for {@link PretrainJob#settings()}: 600 steps of 16 windows of 256 bytes, AdamW
     * at 3e-3 (30 warmup steps, cosine to 3e-4), weight decay 0.1, dev loss on 32 held-out windows every 100
     * steps, a checkpoint every 100 steps.
     */
    public static TrainingSettings pretrainSettings() {
        return TrainingSettings.from(Map.ofEntries(Map.entry("maxSteps", 600), Map.entry("batchSize", 16),
                Map.entry("maxSeqLen", 256), Map.entry("learningRate", 3e-3), Map.entry("warmupSteps", 30),
                Map.entry("minLrRatio", 0.1), Map.entry("weightDecay", 0.1), Map.entry("devEvery", 100),
                Map.entry("devExamples", 32), Map.entry("checkpointEvery", 100), Map.entry("progressEvery", 10)));
    }

    /** Writes the built-in model's tokenizer.json (byte-level; every UTF-8 text round-trips). */
    public static void writeTokenizer(Path tokenizerJson) {
        ByteLevelTokenizer.write(tokenizerJson);
    }

    /**
     * Identifies the built-in base model for caching: sha256 over the model config, the pretraining
     * settings' hash and the recipe version. The pretraining text is not covered: the caller adds the
     * corpus's own sha256 when it caches per corpus.
     */
    public static String configHash() {
        LlamaConfig c = config();
        String key = "recipe=" + RECIPE + ";config=" + c.architecture() + "," + c.hiddenSize() + ","
                + c.intermediateSize() + "," + c.numHiddenLayers() + "," + c.numAttentionHeads() + ","
                + c.numKeyValueHeads() + "," + c.headDim() + "," + c.vocabSize() + "," + c.maxPositionEmbeddings()
                + "," + c.rmsNormEps() + "," + c.ropeTheta() + "," + c.tieWordEmbeddings() + ";pretrain="
                + pretrainSettings().configHash();
        return Sha256.of(key.getBytes(StandardCharsets.UTF_8));
    }
}
