package dev.pinch.trainer.engine;

import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.lm.ByteLevelTokenizer;
import dev.pinch.lm.DecoderOptions;
import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.RopeSpec;
import dev.pinch.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Pinch's built-in base model: a small Llama over a byte-level BPE tokenizer of {@value #VOCAB} tokens learned
 * from the built-in multilingual pretraining text ({@link #writeTokenizer(Path, Iterable)}: 256 bytes, the
 * merges, then EOS and pad), pretrained by {@link DjlTrainingEngine#pretrain} on that text.
 */
public final class BuiltinModel {

    /**
     * Bumped whenever the recipe changes in a way the config and settings do not show (2: BPE tokenizer; 3: built-in
     * corpus v2's text, each sentence beside its translations; 4: copy drills).
     */
    static final int RECIPE = 4;

    /**
     * Vocabulary: 256 bytes, up to {@code VOCAB - 258} learned merges, EOS, pad. The built-in corpus's text yields all
     * the merges; a small text (tests) yields fewer, and the model's vocabulary shrinks to the tokenizer's.
     */
    public static final int VOCAB = 8192;

    private BuiltinModel() {
    }

    /** The config over the full {@value #VOCAB}-token vocabulary (EOS {@code VOCAB - 2}, pad {@code VOCAB - 1}). */
    public static LlamaConfig config() {
        return config(VOCAB, VOCAB - 2, VOCAB - 1);
    }

    /**
     * hidden 256, 6 layers, 4 heads of 64 (2 KV heads), SwiGLU 640, 512 positions, embeddings tied with the LM
     * head, rope 10000: 6.2M parameters (2.1M of them the embedding) at the full vocabulary.
     */
    public static LlamaConfig config(int vocab, int eos, int pad) {
        int hidden = 256;
        int heads = 4;
        return new LlamaConfig("LlamaForCausalLM", "llama", hidden, 640, 6, heads, 2, hidden / heads, vocab, 512,
                1e-6, RopeSpec.plain(10000.0), true, false, false, false, DecoderOptions.llama(hidden / heads), null,
                List.of(eos), pad, "float32", Map.of());
    }

    /**
     * The pretraining recipe, for {@link PretrainJob#settings()}: {@value #LEAD_STEPS} steps of copy drills alone at
     * 1e-3 ({@link #copyDrills()}), then 2,000 steps of 16 windows of 256 tokens (8.2M tokens, about 3.9 passes over the
     * 2.1M-token text, a quarter of the windows copy drills), AdamW at 2e-3 (50 warmup steps, cosine to 2e-4), weight
     * decay 0.1, dev loss on 32 held-out windows and a checkpoint every 200 steps. A text phase at 3e-3 right after a
     * lead at 3e-3 undid the copying the lead had begun to form ({@code copy_probe.py}; README).
     */
    public static TrainingSettings pretrainSettings() {
        return TrainingSettings.from(Map.ofEntries(Map.entry("maxSteps", LEAD_STEPS + 2000),
                Map.entry("batchSize", 16),
                Map.entry("maxSeqLen", 256), Map.entry("learningRate", 2e-3), Map.entry("warmupSteps", 50),
                Map.entry("minLrRatio", 0.1), Map.entry("weightDecay", 0.1), Map.entry("devEvery", 200),
                Map.entry("devExamples", 32), Map.entry("checkpointEvery", 200), Map.entry("progressEvery", 10)));
    }

    /** Optimizer steps of copy drills alone at the start of pretraining. */
    static final int LEAD_STEPS = 2000;

    /**
     * The recipe's copy drills: segments of 8 to 48 uniformly drawn tokens, {@value #LEAD_STEPS} steps of 16 windows of
     * 128 tokens at a constant 1e-3 before the text (a fresh model of this config forms its copying there:
     * {@code drills_from_scratch.py}), then a quarter of the text phase's windows, to keep the skill while the text is
     * learned.
     */
    public static CopyDrills copyDrills() {
        return new CopyDrills(0.25, 8, 48, CopyDrills.Draw.UNIFORM, LEAD_STEPS, 128, 1e-3);
    }

    /**
     * Writes the built-in model's tokenizer.json: byte-level BPE with up to {@code VOCAB - 258} merges learned from
     * {@code text} (deterministic; every UTF-8 text round-trips).
     */
    public static void writeTokenizer(Path tokenizerJson, Iterable<String> text) {
        ByteLevelTokenizer.write(tokenizerJson, text, VOCAB);
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
                + "," + c.rmsNormEps() + "," + c.ropeTheta() + "," + c.tieWordEmbeddings() + ";tokenizer=bpe-" + VOCAB
                + ";pretrain=" + pretrainSettings().configHash() + ";drills=" + copyDrills().key();
        return Sha256.of(key.getBytes(StandardCharsets.UTF_8));
    }
}
