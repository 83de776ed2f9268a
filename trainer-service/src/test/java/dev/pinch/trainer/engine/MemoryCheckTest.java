package dev.pinch.trainer.engine;

import dev.pinch.events.settings.TrainingSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;

import dev.pinch.lm.LlamaConfig;
import dev.pinch.lm.LoraSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peak-memory estimate and the refusal of a run that would not fit, before any work. */
class MemoryCheckTest {

    /** Qwen2.5-0.5B's config.json (as the bench uses it): 24 layers, 896 wide, 14 heads (2 KV), tied embeddings. */
    static final LlamaConfig QWEN_05B = qwen();

    static LlamaConfig qwen() {
        try {
            return LlamaConfig.read(Path.of(MemoryCheckTest.class.getResource("/qwen2.5-0.5b-config.json").toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void estimateAddsUpAndLoraAndCheckpointingCutWhatTheyShould() {
        LoraSpec r16 = new LoraSpec(16, 32, 0, LoraSpec.ALL_PROJECTIONS);
        MemoryEstimate full = MemoryEstimate.of(QWEN_05B, 2, 512, null, false);
        assertThat(full.weights() / 4).as("parameters").isBetween(490_000_000L, 500_000_000L);
        assertThat(full.optimizer()).isEqualTo(2 * full.trainable()).isEqualTo(2 * full.weights());
        assertThat(full.total()).isEqualTo(full.weights() + full.trainable() + full.optimizer() + full.activations()
                + full.loss() + full.runtime());
        MemoryEstimate lora = MemoryEstimate.of(QWEN_05B, 2, 512, r16, false);
        assertThat(lora.weights()).isEqualTo(full.weights());
        assertThat(lora.trainable() / 4).as("r=16 on all 7 projections of 24 layers").isEqualTo(24L * 16
                * (896 + 896 + 896 + 128 + 896 + 128 + 896 + 896 + 3 * (896 + 4864)));
        MemoryEstimate ckpt = MemoryEstimate.of(QWEN_05B, 2, 512, null, true);
        assertThat(ckpt.activations()).isLessThan(full.activations() / 10);
        assertThat(MemoryEstimate.of(QWEN_05B, 4, 512, null, false).activations())
                .isEqualTo(2 * full.activations());
        assertThat(full.loss()).as("the loss's vocabulary-sized tensors exist for one run of positions at a time")
                .isLessThan(4L * 2 * 512 * 151_936 * 4 / 4);
        assertThat(MemoryEstimate.of(QWEN_05B, 2, 64, null, false).loss()).as("64 positions fit in one run")
                .isEqualTo(4L * 2 * 64 * 151_936 * 4 + 2L * 2 * 64 * 896 * 4);
        assertThat(full.describe()).startsWith("%.1f GB (weights 2.0".formatted(full.total() / 1e9));
    }

    @Test
    void aRunOverTheCapIsRefusedWithTheEstimateAndTheOptions() {
        TrainingSettings s = TrainingSettings.from(Map.of("batchSize", 16, "maxSeqLen", 512, "memoryLimitGb", 20));
        assertThatThrownBy(() -> MemoryCheck.require(QWEN_05B, s, Device.cpu()))
                .isInstanceOf(InsufficientMemoryException.class)
                .hasMessageStartingWith("estimated peak memory ")
                .hasMessageContaining("exceeds the memoryLimitGb of 20.0 GB")
                .hasMessageContaining("gradientCheckpointing: true (")
                .hasMessageContaining("lora: {rank: 16} with gradientCheckpointing: true (")
                .hasMessageContaining(", fits)")
                .hasMessageContaining("batchSize: ");
        MemoryCheck.require(QWEN_05B, TrainingSettings.from(Map.of("batchSize", 1, "maxSeqLen", 64,
                "memoryLimitGb", 10, "lora", Map.of())), Device.cpu());
        assertThat(TrainingSettings.from(Map.of("memoryLimitGb", 10)).configHash())
                .isEqualTo(TrainingSettings.defaults().configHash());
    }

    @Test
    void theEngineRefusesBeforeLoadingAnything(@TempDir Path dir) throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        QWEN_05B.write(base.resolve("config.json"));
        TrainingSettings s = TrainingSettings.from(Map.of("memoryLimitGb", 1, "device", "cpu"));
        TrainingJob job = new TrainingJob("run", "exp", "mix", dir.resolve("no-mix.jsonl"), "sha", base,
                dir.resolve("work"), null, s);
        assertThatThrownBy(() -> new DjlTrainingEngine().train(job, new TrainingLoopTest.Recorder(-1), () -> false))
                .isInstanceOf(InsufficientMemoryException.class).hasMessageContaining("GB");
        assertThat(dir.resolve("work")).doesNotExist();
    }
}
