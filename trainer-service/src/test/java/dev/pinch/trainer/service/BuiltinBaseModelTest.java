package dev.pinch.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.events.CorpusRef;
import dev.pinch.trainer.domain.BaseModelStatus;
import dev.pinch.store.LocalArtifactStore;
import dev.pinch.trainer.TestData;
import dev.pinch.trainer.config.TrainerConfig;
import dev.pinch.trainer.engine.BuiltinModel;
import dev.pinch.trainer.engine.CopyDrills;
import dev.pinch.trainer.engine.PretrainJob;
import dev.pinch.trainer.engine.TrainingCallbacks;
import dev.pinch.trainer.engine.TrainingEngine;
import dev.pinch.trainer.engine.TrainingJob;
import dev.pinch.trainer.engine.TrainingOutcome;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in base model is pretrained once, even by concurrent runs, on the corpus text, and then reused. */
class BuiltinBaseModelTest {

    @TempDir
    Path root;

    final AtomicInteger pretrainings = new AtomicInteger();
    final List<PretrainJob> jobs = new CopyOnWriteArrayList<>();
    final List<BaseModelStatus> statuses = new CopyOnWriteArrayList<>();
    volatile BuiltinBaseModel watched;

    /** Pretrains by writing a config.json, slowly enough for a second caller to arrive meanwhile. */
    final TrainingEngine engine = new TrainingEngine() {
        @Override
        public TrainingOutcome train(TrainingJob job, TrainingCallbacks callbacks, BooleanSupplier cancelled) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrainingOutcome pretrain(PretrainJob job, TrainingCallbacks callbacks, BooleanSupplier cancelled)
                throws Exception {
            pretrainings.incrementAndGet();
            jobs.add(job);
            callbacks.progress(new TrainingCallbacks.Progress(1, 3, 0, 2.5, Double.NaN, 1000, 1e-3, 4000, 0, 0));
            if (watched != null) {
                statuses.add(watched.status());
            }
            Thread.sleep(300);
            Path dir = Files.createDirectories(job.workDir().resolve("checkpoints/step-3"));
            Files.writeString(dir.resolve("config.json"), "{}");
            Files.copy(job.tokenizer(), dir.resolve("tokenizer.json"));
            callbacks.checkpoint(new TrainingCallbacks.Checkpoint(dir, 3, true, "cpu()", "fp32"));
            return new TrainingOutcome(3, 1.0, dir, false);
        }
    };

    /** A config as a dynamic proxy: a class implementing the mapping would be picked up by Quarkus' bean scan. */
    TrainerConfig config(String corpus) {
        return config(corpus, Map.of("maxSteps", "3"));
    }

    /** The config with these pretraining overrides (none: the recipe as shipped). */
    TrainerConfig config(String corpus, Map<String, String> pretrain) {
        return config(corpus, pretrain, Optional.empty());
    }

    /** The config with these pretraining overrides and this copy drill share (empty: the recipe's). */
    TrainerConfig config(String corpus, Map<String, String> pretrain, Optional<Double> copyDrills) {
        Map<String, Object> values = Map.ofEntries(Map.entry("concurrency", 1),
                Map.entry("workDir", root.resolve("work").toString()), Map.entry("eventSource", "/test"),
                Map.entry("builtinCorpus", corpus), Map.entry("builtinCorpusVersion", Optional.empty()),
                Map.entry("builtinPretrain", pretrain), Map.entry("builtinCopyDrills", copyDrills),
                Map.entry("builtinShipped", true), Map.entry("publishTimeout", Duration.ofSeconds(1)),
                Map.entry("shutdownGrace", Duration.ofSeconds(1)));
        return (TrainerConfig) Proxy.newProxyInstance(TrainerConfig.class.getClassLoader(),
                new Class<?>[] {TrainerConfig.class}, (proxy, method, args) -> values.get(method.getName()));
    }

    BuiltinBaseModel builtin(LocalArtifactStore store, String corpus) {
        TrainerConfig config = config(corpus);
        return new BuiltinBaseModel(store, engine, new CorpusText(store, config), config, new BuiltinRecipe(config));
    }

    @Test
    void concurrentRunsPretrainItOnceAndLaterRunsReuseIt() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("store"));
        TestData.writeBuiltinCorpus(store);
        BuiltinBaseModel builtin = builtin(store, "builtin");
        CorpusRef other = new CorpusRef("user-corpus", "1", "0".repeat(64));

        var first = CompletableFuture.supplyAsync(() -> ensure(builtin, TestData.CORPUS));
        var second = CompletableFuture.supplyAsync(() -> ensure(builtin, other));
        assertThat(first.get()).isEqualTo(second.get());
        assertThat(ensure(builtin(store, "builtin"), other)).as("a fresh instance finds it in the store")
                .isEqualTo(first.get());
        assertThat(pretrainings).hasValue(1);

        Path model = first.get();
        assertThat(model).isEqualTo(store.localPath(store.uri("models/" + builtin.name())));
        assertThat(model.resolve("tokenizer.json")).isRegularFile();
        assertThat(builtin.name()).matches("builtin-[0-9a-f]{64}");
        PretrainJob job = jobs.get(0);
        assertThat(job.textFile().toString()).endsWith("corpora/builtin/test-1/text.jsonl");
        assertThat(job.settings().maxSteps()).as("the configured override").isEqualTo(3);
        assertThat(job.runId()).isEqualTo(builtin.name());
    }

    @Test
    void copyDrillsReachThePretrainingAndNameAModelOfTheirOwn() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("store"));
        TestData.writeBuiltinCorpus(store);
        TrainerConfig drilled = config("builtin", Map.of("maxSteps", "3"), Optional.of(0.4));
        BuiltinBaseModel builtin = new BuiltinBaseModel(store, engine, new CorpusText(store, drilled), drilled,
                new BuiltinRecipe(drilled));
        ensure(builtin, TestData.CORPUS);
        CopyDrills recipe = BuiltinModel.copyDrills();
        assertThat(jobs.get(0).drills()).as("the recipe's drills with the configured share").isEqualTo(recipe.withShare(0.4))
                .extracting(CopyDrills::share, CopyDrills::leadSteps).containsExactly(0.4, recipe.leadSteps());
        assertThat(builtin.name()).matches("builtin-[0-9a-f]{64}")
                .isNotEqualTo(new BuiltinRecipe(config("builtin", Map.of("maxSteps", "3"))).name());
        assertThat(new BuiltinRecipe(config("builtin", Map.of())).drills()).as("the recipe's by default")
                .isEqualTo(recipe);
        assertThat(new BuiltinRecipe(config("builtin", Map.of(), Optional.of(0.25))).name())
                .as("the recipe's share, spelt out, names the shipped model")
                .isEqualTo(new BuiltinRecipe(config("builtin", Map.of())).name())
                .isEqualTo("builtin-" + BuiltinModel.configHash());
        assertThatThrownBy(() -> new BuiltinRecipe(config("builtin", Map.of(), Optional.of(0.95))))
                .hasMessageStartingWith("pinch.trainer.builtin-copy-drills: copy drill share must be in [0, 0.9]");
    }

    @Test
    void itsStatusShowsPretrainingProgressThenReady() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("store"));
        TestData.writeBuiltinCorpus(store);
        BuiltinBaseModel builtin = builtin(store, "builtin");
        watched = builtin;
        assertThat(builtin.status().state()).isEqualTo("UNKNOWN");
        ensure(builtin, TestData.CORPUS);
        assertThat(statuses).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("PRETRAINING");
            assertThat(s.step()).isEqualTo(1);
            assertThat(s.totalSteps()).isEqualTo(3);
            assertThat(s.loss()).isEqualTo(2.5);
            assertThat(s.etaSeconds()).as("2 steps of 4 s left").isEqualTo(8);
        });
        assertThat(builtin.status()).isEqualTo(BaseModelStatus.ready(builtin.name()));
        assertThat(builtin(store, "builtin").status().state()).as("a fresh instance knows nothing yet")
                .isEqualTo("UNKNOWN");
    }

    @Test
    void withoutTheCorpusTheRunFailsWithAClearReason() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("store"));
        assertThatThrownBy(() -> builtin(store, "absent").ensure(TestData.CORPUS, () -> false))
                .isInstanceOf(RunFailure.class)
                .hasMessageContaining("no version of corpus absent in the artifact store");
        assertThat(pretrainings).hasValue(0);
    }

    /** The release shipped with the trainer, on the test class path (target/classes). */
    static Path shippedRelease(String name) throws Exception {
        var url = BuiltinBaseModel.class.getClassLoader().getResource(BuiltinBaseModel.SHIPPED + name + "/config.json");
        assertThat(url).as("the trainer ships the built-in model of its own recipe, " + name
                + " (make it with bin/pinch pretrain --export trainer-service/src/main/resources/builtin-model)")
                .isNotNull();
        return Path.of(url.toURI()).getParent();
    }

    @Test
    void theShippedModelIsTheCurrentRecipesAndIsPublishedWithoutPretraining() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("store"));
        TestData.writeBuiltinCorpus(store);
        TrainerConfig asShipped = config("builtin", Map.of());
        BuiltinBaseModel builtin = new BuiltinBaseModel(store, engine, new CorpusText(store, asShipped), asShipped,
                new BuiltinRecipe(asShipped));
        Path shipped = shippedRelease(builtin.name());
        assertThat(Files.size(shipped.resolve("model.safetensors"))).as("fp16, at most about 50 MB")
                .isLessThan(50L << 20);

        Path model = ensure(builtin, TestData.CORPUS);
        assertThat(pretrainings).as("published from the shipped copy, no pretraining").hasValue(0);
        for (String file : dev.pinch.trainer.engine.BuiltinRelease.FILES) {
            assertThat(model.resolve(file)).as(file).hasSameBinaryContentAs(shipped.resolve(file));
        }
        assertThat(builtin.status()).isEqualTo(BaseModelStatus.ready(builtin.name()));
    }

    @Test
    void theShippedModelStillHasTheHeldOutLossRecordedWhenItWasMade() throws Exception {
        Path shipped = shippedRelease(new BuiltinRecipe(config("builtin", Map.of())).name());
        double recorded = dev.pinch.trainer.engine.BuiltinRelease.recordedLoss(shipped);
        assertThat(recorded).as("a model that learned: well under ln(8192) = 9.0 nats/token").isBetween(1.0, 6.0);
        assertThat(dev.pinch.trainer.engine.BuiltinRelease.measuredLoss(shipped)).isCloseTo(recorded,
                org.assertj.core.api.Assertions.within(1e-4));
        var state = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                shipped.resolve("trainer_state.json").toFile());
        assertThat(state.path("step").asInt()).isEqualTo(
                dev.pinch.trainer.engine.BuiltinModel.pretrainSettings().maxSteps());
        assertThat(state.path("lossHistory").size()).as("the loss curve").isGreaterThan(10);
    }

    static Path ensure(BuiltinBaseModel builtin, CorpusRef corpus) {
        try {
            return builtin.ensure(corpus, () -> false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
