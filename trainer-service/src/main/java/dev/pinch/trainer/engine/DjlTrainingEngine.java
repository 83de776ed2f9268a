package dev.pinch.trainer.engine;

import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.PinchTokenizer;
import dev.pinch.lm.PromptEncoder;
import dev.pinch.lm.PromptFormat;
import dev.pinch.lm.chat.ChatTemplate;
import dev.pinch.store.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The {@link TrainingEngine} on DJL's PyTorch engine (offline natives) and the {@code lm} module's
 * Llama-family decoder. Stateless: each call loads its model, trains on the calling thread, and frees
 * every native array before returning, so one instance may serve concurrent runs (one per device).
 *
 * <p>Fine-tuning loads {@code job.baseModelDir()} (or {@code job.resumeFrom()}), encodes the mix with the
 * base model's tokenizer and the settings' prompt template (or the base model's chat template), and trains with
 * loss on response tokens only;
 * see {@link SftData} for the dev hold-out. Pretraining creates the built-in model ({@link BuiltinModel})
 * and trains it as a causal LM on packed text ({@link PackedText}). Both share {@link TrainingLoop}.
 */
public final class DjlTrainingEngine implements TrainingEngine {

    private static final System.Logger LOG = System.getLogger(DjlTrainingEngine.class.getName());

    /** Files of a Hugging Face layout that travel with the weights into every checkpoint. */
    private static final List<String> SIDE_FILES = List.of("tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json", "generation_config.json", ChatTemplate.JINJA_FILE);

    /** Cheap: the native engine loads (offline) on the first run. */
    public DjlTrainingEngine() {
    }

    @Override
    public TrainingOutcome train(TrainingJob job, TrainingCallbacks callbacks, BooleanSupplier cancelled)
            throws Exception {
        TrainingSettings s = job.settings();
        DeviceChoice device = DeviceChoice.resolve(s);
        Checkpoints.clean(job.workDir());
        Path base = job.baseModelDir();
        String baseLabel = TrainingSettings.BUILTIN.equals(s.baseModel())
                ? "builtin:" + BuiltinModel.configHash() : base.toString();
        MemoryCheck.require(LlamaConfig.read(base.resolve("config.json")), s, device.device());
        try (PinchTokenizer tokenizer = PinchTokenizer.load(base.resolve("tokenizer.json"));
                CausalLm model = open(s, base, job.resumeFrom(), baseLabel, device)) {
            check(model instanceof LoraLm lora ? lora.base().model().config() : ((LlamaLm) model).model().config(),
                    tokenizer, s);
            PromptTokens tokens = new PromptTokens(tokenizer, PromptEncoder.of(s.promptTemplate(), base));
            SftData data = SftData.load(job.mixFile(), tokens, s);
            Map<String, Path> files = new LinkedHashMap<>();
            for (String f : SIDE_FILES) {
                if (Files.isRegularFile(base.resolve(f))) {
                    files.put(f, base.resolve(f));
                }
            }
            RunSpec spec = new RunSpec("sft", job.runId(), job.mixId(), job.mixSha256(), s, baseLabel, device,
                    new TrainerState.Seeds(s.seed(), s.seed(), s.seed()), data.heldOutIds(), job.workDir(), files);
            LOG.log(System.Logger.Level.INFO, "run {0}: {1} training and {2} dev examples ({3} dropped), {4} {5}{6}",
                    job.runId(), data.train().size(), data.dev().size(), data.dropped(), device.name(),
                    device.precision(), device.note() == null ? "" : " (" + device.note() + ")");
            return new TrainingLoop(model, new BatchPlan(data.train(), s.batchSize(), s.seed()),
                    new DevEvaluator(data.dev(), s.batchSize(), tokenizer.padId()), spec, tokenizer.padId())
                    .run(job.resumeFrom(), callbacks, cancelled);
        }
    }

    @Override
    public TrainingOutcome pretrain(PretrainJob job, TrainingCallbacks callbacks, BooleanSupplier cancelled)
            throws Exception {
        try (PinchTokenizer tokenizer = PinchTokenizer.load(job.tokenizer())) {
            TrainingOutcome out = pretrain(job, BuiltinModel.config(tokenizer.vocabSize(), tokenizer.eosId(),
                    tokenizer.padId()), callbacks, cancelled);
            if (out.cancelled()) {
                return out;
            }
            List<TokenSequence> heldOut = PackedText.load(job.textFile(), new PromptTokens(tokenizer,
                    PromptFormat.defaults()), job.settings()).dev();
            Path release = BuiltinRelease.write(out.finalCheckpoint(), heldOut, tokenizer.padId(),
                    job.workDir().resolve("release"));
            return new TrainingOutcome(out.steps(), out.finalLoss(), release, false);
        }
    }

    /** Pretraining of a fresh model of any Llama config (the bench uses this with its own sizes). */
    public TrainingOutcome pretrain(PretrainJob job, LlamaConfig config, TrainingCallbacks callbacks,
            BooleanSupplier cancelled) throws Exception {
        TrainingSettings s = job.settings();
        DeviceChoice device = DeviceChoice.resolve(s);
        if (s.lora() != null) {
            throw new InvalidTrainingConfigException("lora", "applies to fine-tuning; pretraining trains every weight");
        }
        MemoryCheck.require(config, s, device.device());
        Checkpoints.clean(job.workDir());
        try (PinchTokenizer tokenizer = PinchTokenizer.load(job.tokenizer());
                LlamaLm model = job.resumeFrom() != null ? LlamaLm.load(job.resumeFrom(), device.device())
                        : LlamaLm.create(config, device.device(), s.seed())) {
            check(model.model().config(), tokenizer, s);
            PackedText data = PackedText.load(job.textFile(), new PromptTokens(tokenizer, PromptFormat.defaults()), s,
                    job.drills());
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("tokenizer.json", job.tokenizer());
            Path sibling = job.tokenizer().resolveSibling("tokenizer_config.json");
            files.put("tokenizer_config.json", Files.isRegularFile(sibling) ? sibling
                    : TokenizerConfig.write(job.workDir(), tokenizer, model.model().config()));
            RunSpec spec = new RunSpec("pretrain", job.runId(), null, Sha256.of(job.textFile()), s,
                    "scratch:" + BuiltinModel.configHash(), device, new TrainerState.Seeds(s.seed(), s.seed(), s.seed()),
                    List.of(), job.workDir(), files);
            LOG.log(System.Logger.Level.INFO, "pretraining {0}: {1} copy-drill lead windows, then {2} tokens in {3}"
                    + " training windows of {4} ({5} of them copy drills) and {6} dev, {7}", job.runId(),
                    data.lead().size(), data.tokens(), data.train().size(), s.maxSeqLen(), data.drills(),
                    data.dev().size(), device.name());
            return new TrainingLoop(model, new BatchPlan(data.lead(), data.train(), s.batchSize(), s.seed()),
                    new DevEvaluator(data.dev(), s.batchSize(), tokenizer.padId()), spec, tokenizer.padId(),
                    job.drills().schedule()).run(job.resumeFrom(), callbacks, cancelled);
        }
    }

    /**
     * Full fine-tuning: the base's (or the resumed checkpoint's) weights. LoRA: the base's weights, frozen, and a
     * fresh adapter seeded by the run's seed or the resumed checkpoint's adapter; the adapter names its base as the
     * store does ({@code builtin-<sha256>}: the name of the store directory it was read from) or by its directory.
     */
    private static CausalLm open(TrainingSettings s, Path base, Path resumeFrom, String baseLabel, DeviceChoice device)
            throws java.io.IOException {
        if (s.lora() == null) {
            return LlamaLm.load(resumeFrom != null ? resumeFrom : base, device.device());
        }
        String dirName = base.getFileName() == null ? "" : base.getFileName().toString();
        String storedName = !baseLabel.startsWith("builtin:") ? baseLabel
                : dev.pinch.store.ModelLocations.isBuiltin(dirName) ? dirName : "builtin-" + baseLabel.substring(8);
        return LoraLm.load(base, resumeFrom, LoraSpecs.of(s.lora()), s.seed(), storedName, device.device());
    }

    private static void check(LlamaConfig config, PinchTokenizer tokenizer, TrainingSettings s) {
        if (tokenizer.vocabSize() > config.vocabSize()) {
            throw new IllegalStateException("the tokenizer has " + tokenizer.vocabSize()
                    + " tokens but the model's vocab_size is " + config.vocabSize());
        }
        if (s.maxSeqLen() > config.maxPositionEmbeddings()) {
            throw new InvalidTrainingConfigException("maxSeqLen", "is " + s.maxSeqLen()
                    + ", more than the model's max_position_embeddings " + config.maxPositionEmbeddings());
        }
    }
}
