package dev.pinch.events.settings;

import dev.pinch.events.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Training settings, read from an experiment's {@code training} config (a JSON object): the one contract the
 * dataset-service checks on arrival and the trainer trains by. Every key is optional; unknown keys are errors so
 * that typos are caught. Defaults are sized for the built-in model on 2 CPU cores: one epoch over a 1,000-example
 * mix takes about a minute.
 *
 * @param maxSteps         optimizer steps; 0 means "run {@code epochs} epochs" (default 0)
 * @param epochs           passes over the mix when maxSteps is 0 (default 1)
 * @param batchSize        sequences per micro-batch (default 16)
 * @param gradAccumulation micro-batches per optimizer step (default 1)
 * @param learningRate     peak learning rate of AdamW (default 1e-3)
 * @param warmupSteps      linear warmup steps, then cosine decay to minLrRatio × peak (default 10)
 * @param minLrRatio       final learning rate as a share of the peak (default 0.1)
 * @param weightDecay      AdamW decoupled weight decay (default 0.01)
 * @param gradClip         global gradient-norm clip; 0 disables (default 1.0)
 * @param maxNonFiniteSteps consecutive steps with a non-finite loss or gradient norm (each skipped: no update)
 *                         after which the run fails (default 3); not part of the config hash, since it only
 *                         decides when a run gives up, not what it computes
 * @param maxSeqLen        most tokens per example (pretraining: per packed window); a longer example keeps at
 *                         most the last maxSeqLen/2 prompt tokens and loses the response's end (default 512)
 * @param seed             data order and initialisation seed (default 1)
 * @param devEvery         held-out dev loss every N steps; 0 disables (default 50)
 * @param devExamples      dev examples used for the dev loss (default 64)
 * @param checkpointEvery  intermediate checkpoint every N steps; 0 = only the final one (default 100)
 * @param progressEvery    progress callback every N steps (default 10)
 * @param device           {@code auto} (GPU 0 when present), {@code cpu}, {@code gpu} or {@code gpu:N}: a
 *                         {@link ComputeDevice} ({@code cuda}, {@code cuda:N} alike; default auto)
 * @param precision        {@code auto} (bf16 on GPUs that support it, else fp32), {@code fp32} or {@code bf16}
 *                         ({@link #PRECISIONS}; default auto)
 * @param promptTemplate   prompt format: a template whose {@code {instruction}} is replaced (default: plain
 *                         instruction/response), or {@code chat}: the base model's own chat template, with the loss on
 *                         the assistant turn only
 * @param baseModel        {@code builtin} (the small model Pinch pretrains itself, cached by its config hash)
 *                         or a directory in Hugging Face layout (config.json, safetensors, tokenizer.json)
 * @param lora             LoRA adapters instead of full fine-tuning: {@code {rank, alpha, dropout, targetModules}},
 *                         each optional ({@link LoraSettings}); absent (the default) for full fine-tuning
 * @param gradientCheckpointing recompute each decoder layer's forward during backward instead of keeping its
 *                         activations (default false); not part of the config hash, since the gradients are the same
 * @param memoryLimitGb    the most memory (GB, 1e9 bytes) a run's estimated peak may take; 0 (the default) means the
 *                         device's memory; a run over it is refused before it starts (the trainer's MemoryCheck); not hashed
 * @param lossAverage      {@code token} (the default: every response token weighs the same) or {@code example} (every
 *                         example weighs the same, whatever its response's length): {@link LossAverage}; hashed
 *                         unless it is the default, so that existing runs keep their hashes
 */
public record TrainingSettings(
        int maxSteps,
        int epochs,
        int batchSize,
        int gradAccumulation,
        double learningRate,
        int warmupSteps,
        double minLrRatio,
        double weightDecay,
        double gradClip,
        int maxNonFiniteSteps,
        int maxSeqLen,
        long seed,
        int devEvery,
        int devExamples,
        int checkpointEvery,
        int progressEvery,
        ComputeDevice device,
        Precision precision,
        String promptTemplate,
        String baseModel,
        LoraSettings lora,
        boolean gradientCheckpointing,
        double memoryLimitGb,
        LossAverage lossAverage) {

    public static final String BUILTIN = "builtin";

    /** The prompt template that means "the base model's own chat template" (as {@code PromptEncoder.CHAT}). */
    public static final String CHAT = "chat";

    /** Where an experiment spec holds these settings. */
    public static final String PATH = "training";

    public static final String DEFAULT_TEMPLATE = "### Instruction:\n{instruction}\n\n### Response:\n";

    /** Settings outside the config hash. */
    public static final Set<String> HASH_EXEMPT = Set.of("maxNonFiniteSteps", "gradientCheckpointing",
            "memoryLimitGb");

    /** The precisions a run can train in; fp16 is for generation only (it would need loss scaling). */
    public static final Set<Precision> PRECISIONS = Set.of(Precision.AUTO, Precision.FP32, Precision.BF16);

    public static TrainingSettings defaults() {
        return from(Map.of());
    }

    /** Parses a training config; throws {@link InvalidSettingsException} naming every bad field. */
    public static TrainingSettings from(Map<String, Object> config) {
        List<Violation> violations = new ArrayList<>();
        TrainingSettings s = read(config, PATH, violations);
        InvalidSettingsException.throwIfAny(violations);
        return s;
    }

    /**
     * Reads a training config at {@code path}, recording every violation (bad value, unknown key) in {@code sink};
     * a bad value reads as its default.
     */
    public static TrainingSettings read(Object config, String path, List<Violation> sink) {
        return read(config, path, sink, SettingsLimits.NONE);
    }

    /** {@link #read(Object, String, List)} within {@code limits}: a value over its bound is a violation naming it. */
    public static TrainingSettings read(Object config, String path, List<Violation> sink, SettingsLimits limits) {
        return TrainingSettingsParser.read(config, path, sink, limits);
    }

    /**
     * Every setting by name, in a stable order: what the config hash covers. A device or precision is its one
     * spelling ({@code gpu}, {@code bf16}), so that hashes keep their text and the map reads back through {@link #from}.
     */
    public Map<String, Object> asMap() {
        return TrainingSettingsParser.asMap(this);
    }

    /**
     * sha256 over the resolved settings: equal for configs that differ only in defaults left out. Settings that
     * only decide when a run gives up or how memory is traded for time ({@link #HASH_EXEMPT}) are left out, and
     * so are {@code lora} when absent and {@code lossAverage} when {@code token}, so adding them kept existing
     * hashes; LoRA settings, when given, and an {@code example} loss average are hashed.
     */
    public String configHash() {
        return TrainingSettingsParser.configHash(this);
    }
}
