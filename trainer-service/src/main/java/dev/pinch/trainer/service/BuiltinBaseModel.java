package dev.pinch.trainer.service;

import dev.pinch.events.CorpusRef;
import dev.pinch.store.ArtifactStore;
import dev.pinch.store.ModelLocations;
import dev.pinch.trainer.config.TrainerConfig;
import dev.pinch.trainer.domain.BaseModelStatus;
import dev.pinch.trainer.domain.RunIds;
import dev.pinch.trainer.engine.BuiltinModel;
import dev.pinch.trainer.engine.PretrainJob;
import dev.pinch.trainer.engine.TrainingCallbacks;
import dev.pinch.trainer.engine.TrainingEngine;
import dev.pinch.trainer.engine.TrainingOutcome;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import dev.pinch.trainer.engine.BuiltinRelease;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The built-in base model, {@code models/builtin-<recipe hash>/} in the store ({@link BuiltinRelease}: fp16 weights,
 * tokenizer, loss curve, held-out loss). The first run that needs it publishes it from the copy shipped in this
 * service ({@value #SHIPPED}{@code <name>/}, made by {@code bin/pinch pretrain}) when that copy has the recipe's name;
 * otherwise (a changed recipe, or {@code pinch.trainer.builtin-pretrain} overrides) it pretrains the model on the
 * built-in corpus's text with a BPE tokenizer learned from that text, then publishes it atomically. Every later run
 * reuses it. A lock (in this process and, through a lock file, across processes sharing the work dir) makes
 * concurrent runs do this once. Pretraining checkpoints go to {@code pretrain/builtin-<hash>/step-N}, so an
 * interrupted pretraining resumes.
 */
@ApplicationScoped
public class BuiltinBaseModel {

    private static final Logger LOG = Logger.getLogger(BuiltinBaseModel.class);
    /** Where shipped releases are on the class path. */
    static final String SHIPPED = "builtin-model/";

    private final ArtifactStore store;
    private final TrainingEngine engine;
    private final CorpusText corpusText;
    private final TrainerConfig config;
    private final BuiltinRecipe recipe;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Path cached;
    private volatile BaseModelStatus status;
    private java.util.concurrent.Future<?> preparing;
    private volatile boolean stopping;

    public BuiltinBaseModel(ArtifactStore store, TrainingEngine engine, CorpusText corpusText, TrainerConfig config,
            BuiltinRecipe recipe) {
        this.store = store;
        this.engine = engine;
        this.corpusText = corpusText;
        this.config = config;
        this.recipe = recipe;
        this.status = BaseModelStatus.unknown(recipe.name());
    }

    /** Whether it is known to be ready, being pretrained (with progress), or not needed yet. */
    public BaseModelStatus status() {
        return status;
    }

    /**
     * Prepares it in the background (publishing the shipped copy, or pretraining) unless it is ready or being
     * prepared; the status follows. A shutdown ends a pretraining at its next step (it resumes later).
     */
    public synchronized BaseModelStatus prepare() {
        if (!"READY".equals(status.state()) && (preparing == null || preparing.isDone())) {
            preparing = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    ensure(null, () -> stopping);
                } catch (Exception | Error e) {
                    LOG.errorf(e, "built-in base model %s could not be prepared", name());
                    status = BaseModelStatus.failed(name(), String.valueOf(e.getMessage()));
                }
            }, runnable -> Thread.ofPlatform().name("builtin-base-model").daemon().start(runnable));
        }
        return status;
    }

    /** {@code builtin-<config hash>}: its store name, also the base model named in CheckpointReady. */
    public String name() {
        return recipe.name();
    }

    /** The model's directory in the store, pretraining and publishing it first when it is not there. */
    public Path ensure(CorpusRef mixCorpus, BooleanSupplier stop) throws Exception {
        Path done = cached;
        if (done != null && Files.isRegularFile(done.resolve("config.json"))) {
            return done;
        }
        lock.lockInterruptibly();
        try {
            Path scratch = Files.createDirectories(Path.of(config.workDir(), "pretrain"));
            try (FileChannel channel = FileChannel.open(scratch.resolve(name() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock fileLock = channel.lock()) {
                cached = published().orElse(null);
                if (cached == null && shipped(scratch)) {
                    cached = published().orElseThrow();
                }
                if (cached == null) {
                    status = BaseModelStatus.starting(name(), recipe.settings().maxSteps());
                    try {
                        cached = pretrain(mixCorpus, scratch.resolve(name()), stop);
                    } catch (Exception | Error e) {
                        status = BaseModelStatus.unknown(name());
                        throw e;
                    }
                }
                status = BaseModelStatus.ready(name());
                return cached;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Publishes the shipped release of this recipe, if this service ships one; whether it did. */
    private boolean shipped(Path scratch) throws IOException {
        ClassLoader loader = BuiltinBaseModel.class.getClassLoader();
        if (!config.builtinShipped() || loader.getResource(SHIPPED + name() + "/config.json") == null) {
            return false;
        }
        Path copy = scratch.resolve(name() + "-shipped");
        RunExecutor.deleteQuietly(copy);
        Files.createDirectories(copy);
        for (String file : BuiltinRelease.FILES) {
            try (InputStream in = loader.getResourceAsStream(SHIPPED + name() + "/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("shipped built-in model " + name() + " lacks " + file);
                }
                Files.copy(in, copy.resolve(file));
            }
        }
        store.writeDirectory(key(), copy);
        RunExecutor.deleteQuietly(copy);
        LOG.infof("built-in base model %s published from the copy shipped with this service", name());
        return true;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private Optional<Path> published() throws IOException {
        try {
            Path dir = store.localPath(store.uri(key()));
            return Files.isRegularFile(dir.resolve("config.json")) ? Optional.of(dir)
                    : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Path pretrain(CorpusRef mixCorpus, Path work, BooleanSupplier stop) throws Exception {
        Path text = corpusText.textFile(mixCorpus);
        RunExecutor.deleteQuietly(work);
        Files.createDirectories(work);
        Path tokenizer = work.resolve("tokenizer.json");
        BuiltinModel.writeTokenizer(tokenizer, CorpusText.lines(text));
        LOG.infof("built-in base model %s: learned its BPE tokenizer from %s", name(), text);
        Path resumeFrom = resumePoint();
        LOG.infof("pretraining the built-in base model %s on %s%s", name(), text,
                resumeFrom == null ? "" : ", resuming from " + resumeFrom);
        PretrainJob job = new PretrainJob(name(), text, tokenizer, work.resolve("run"), resumeFrom,
                recipe.settings(), recipe.drills());
        TrainingOutcome outcome = engine.pretrain(job, callbacks(), stop);
        if (outcome.cancelled()) {
            throw new RunFailure("pretraining of the built-in base model was stopped at step " + outcome.steps()
                    + "; it resumes with the next run that needs it");
        }
        if (published().isEmpty()) {
            store.writeDirectory(key(), outcome.finalCheckpoint());
        }
        LOG.infof("built-in base model %s published after %d steps, loss %.4f", name(), outcome.steps(),
                outcome.finalLoss());
        RunExecutor.deleteQuietly(work);
        return published().orElseThrow();
    }

    private TrainingCallbacks callbacks() {
        return new TrainingCallbacks() {
            @Override
            public void progress(Progress p) {
                status = BaseModelStatus.pretraining(name(), p.step(), p.totalSteps(), p.loss(), p.tokensPerSecond(),
                        p.stepMillis());
                LOG.infof("pretraining %s: step %d/%d, loss %.4f, %.0f tokens/s", name(), p.step(), p.totalSteps(),
                        p.loss(), p.tokensPerSecond());
            }

            @Override
            public void checkpoint(Checkpoint c) throws IOException {
                store.writeDirectory(pretrainKey() + "/" + RunIds.stepName(c.step()), c.dir());
            }
        };
    }

    /** The newest stored intermediate checkpoint of an interrupted pretraining, or null. */
    private Path resumePoint() throws IOException {
        String newest = store.list(pretrainKey()).stream()
                .map(k -> k.substring(pretrainKey().length() + 1).split("/")[0])
                .filter(s -> RunIds.parseStep(s) >= 0)
                .max(Comparator.comparingLong(RunIds::parseStep)).orElse(null);
        return newest == null ? null : store.localPath(store.uri(pretrainKey() + "/" + newest));
    }

    private String key() {
        return ModelLocations.builtinKey(name());
    }

    private String pretrainKey() {
        return "pretrain/" + name();
    }
}
