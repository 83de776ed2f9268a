package dev.pinch.trainer.engine;

import dev.pinch.trainer.domain.LossPoint;
import dev.pinch.events.settings.TrainingSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Device;

import dev.pinch.lm.ByteLevelTokenizer;
import dev.pinch.lm.LlamaModel;
import dev.pinch.lm.LoraAdapter;
import dev.pinch.lm.Safetensors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LoRA fine-tuning through the engine on a tiny random Llama: what it trains, what it writes, how it resumes. */
class LoraTrainingTest {

    @TempDir
    static Path dir;

    static Path base;

    static Path mix;

    static final DjlTrainingEngine ENGINE = new DjlTrainingEngine();

    @BeforeAll
    static void tinyBase() throws Exception {
        base = dir.resolve("base");
        try (LlamaModel m = LlamaModel.create(DjlTrainingEngineTest.TINY, Device.cpu(), 5)) {
            m.save(base);
        }
        ByteLevelTokenizer.write(base.resolve("tokenizer.json"));
        mix = DjlTrainingEngineTest.writeMix(dir.resolve("mix.jsonl"), 60);
    }

    private static Map<String, Object> config(Map<String, Object> extra) {
        Map<String, Object> c = new HashMap<>(Map.of("maxSteps", 6, "batchSize", 4, "gradAccumulation", 2,
                "checkpointEvery", 3, "progressEvery", 1, "devEvery", 0, "maxSeqLen", 96, "warmupSteps", 1,
                "learningRate", 0.01, "device", "cpu"));
        c.put("lora", Map.of("rank", 4, "alpha", 8));
        c.putAll(extra);
        return c;
    }

    private static TrainingJob job(String name, TrainingSettings s, Path resume) {
        return new TrainingJob("run-" + name, "exp", "mix-1", mix, "sha", base, dir.resolve("work-" + name), resume,
                s);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.0, 0.2})
    void checkpointsAreAdaptersAndAResumedRunEqualsAnUninterruptedOne(double dropout) throws Exception {
        TrainingSettings s = TrainingSettings.from(config(Map.of("lora", Map.of("rank", 4, "alpha", 8,
                "dropout", dropout))));
        TrainingOutcome a = ENGINE.train(job("a" + dropout, s, null), new TrainingLoopTest.Recorder(-1), () -> false);
        Path ckpt = a.finalCheckpoint();
        try (var files = Files.list(ckpt)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).contains(LoraAdapter.CONFIG,
                    LoraAdapter.WEIGHTS, OptimizerFile.FILE, TrainerState.FILE, "tokenizer.json")
                    .doesNotContain("model.safetensors");
        }
        var adapter = Safetensors.read(ckpt.resolve(LoraAdapter.WEIGHTS));
        assertThat(adapter).hasSize(2 * 7 * 2).containsKey("base_model.model.model.layers.1.mlp.down_proj.lora_B.weight");
        assertThat(adapter.values()).filteredOn(t -> t.name().contains("lora_B"))
                .allMatch(t -> max(t) > 0, "B moved away from zero");
        var moments = Safetensors.read(ckpt.resolve(OptimizerFile.FILE)).keySet();
        assertThat(moments).hasSize(2 * adapter.size())
                .contains("exp_avg.base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight")
                .noneMatch(k -> k.endsWith("embed_tokens.weight") || k.endsWith("q_proj.weight"));
        assertThat(Files.readString(ckpt.resolve(LoraAdapter.CONFIG)))
                .contains("\"r\": 4", "\"base_model_name_or_path\": \"builtin-");
        List<LossPoint> history = TrainerState.read(ckpt).lossHistory();
        assertThat(history.getLast().loss()).isLessThan(history.getFirst().loss());

        TrainingLoopTest.Recorder crashing = new TrainingLoopTest.Recorder(4);
        assertThatThrownBy(() -> ENGINE.train(job("b" + dropout, s, null), crashing, () -> false)).hasMessageContaining("crash");
        Path latest = Checkpoints.latest(dir.resolve("work-b" + dropout)).orElseThrow();
        assertThat(latest.getFileName()).hasToString("step-3");
        TrainingOutcome b = ENGINE.train(job("b" + dropout, s, latest), new TrainingLoopTest.Recorder(-1), () -> false);
        var resumed = Safetensors.read(b.finalCheckpoint().resolve(LoraAdapter.WEIGHTS));
        assertThat(resumed.keySet()).isEqualTo(adapter.keySet());
        for (String name : adapter.keySet()) {
            assertThat(floats(resumed.get(name))).as(name).containsExactly(floats(adapter.get(name)));
        }
    }

    @Test
    void gradientCheckpointingTrainsTheSameForFullAndLora() throws Exception {
        for (Map<String, Object> lora : List.of(Map.<String, Object>of("lora", Map.of("rank", 4, "alpha", 8)),
                Map.<String, Object>of("lora", Map.of("rank", 4, "alpha", 8, "dropout", 0.3)),
                Map.<String, Object>of())) {
            Map<String, Object> plainConfig = new HashMap<>(config(Map.of("maxSteps", 3, "checkpointEvery", 0)));
            if (lora.isEmpty()) {
                plainConfig.remove("lora");
            } else {
                plainConfig.putAll(lora);
            }
            Map<String, Object> ckptConfig = new HashMap<>(plainConfig);
            ckptConfig.put("gradientCheckpointing", true);
            TrainingSettings plain = TrainingSettings.from(plainConfig);
            TrainingSettings ckpt = TrainingSettings.from(ckptConfig);
            assertThat(ckpt.configHash()).isEqualTo(plain.configHash());
            String tag = lora.isEmpty() ? "full" : "lora" + lora.get("lora").hashCode();
            Path p = ENGINE.train(job(tag + "-plain", plain, null), new TrainingLoopTest.Recorder(-1), () -> false)
                    .finalCheckpoint();
            Path c = ENGINE.train(job(tag + "-ckpt", ckpt, null), new TrainingLoopTest.Recorder(-1), () -> false)
                    .finalCheckpoint();
            List<LossPoint> lp = TrainerState.read(p).lossHistory();
            List<LossPoint> lc = TrainerState.read(c).lossHistory();
            assertThat(lc).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(lc.get(i).loss()).as(tag + " step " + i).isCloseTo(lp.get(i).loss(), offset(1e-5));
            }
            String file = lora.isEmpty() ? "model.safetensors" : LoraAdapter.WEIGHTS;
            var wp = Safetensors.read(p.resolve(file));
            var wc = Safetensors.read(c.resolve(file));
            for (String name : wp.keySet()) {
                assertThat(floats(wc.get(name))).as(tag + " " + name).containsExactly(floats(wp.get(name)),
                        offset(1e-5f));
            }
        }
    }

    @Test
    void loraSettingsAreValidatedAndHashed() {
        TrainingSettings full = TrainingSettings.from(Map.of());
        TrainingSettings lora = TrainingSettings.from(Map.of("lora", Map.of()));
        assertThat(lora.lora().rank()).isEqualTo(16);
        assertThat(lora.lora().alpha()).isEqualTo(32);
        assertThat(lora.lora().targetModules()).containsExactly("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj",
                "up_proj", "down_proj");
        assertThat(lora.configHash()).isNotEqualTo(full.configHash());
        assertThat(TrainingSettings.from(Map.of("lora", Map.of("rank", 8))).configHash())
                .isNotEqualTo(lora.configHash());
        assertThat(TrainingSettings.from(lora.asMap())).isEqualTo(lora);
        assertThatThrownBy(() -> TrainingSettings.from(Map.of("lora", Map.of("rank", 0))))
                .hasMessageContaining("lora").hasMessageContaining("rank");
        assertThatThrownBy(() -> TrainingSettings.from(Map.of("lora", Map.of("targetModules", List.of("wq")))))
                .hasMessageContaining("targetModules");
        assertThatThrownBy(() -> TrainingSettings.from(Map.of("lora", Map.of("rnk", 4)))).hasMessageContaining("rnk");
        assertThatThrownBy(() -> TrainingSettings.from(Map.of("lora", Map.of("dropout", 1.0))))
                .hasMessageContaining("dropout");
    }

    private static double max(Safetensors.Tensor t) {
        double m = 0;
        for (float f : floats(t)) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }

    private static float[] floats(Safetensors.Tensor t) {
        java.nio.FloatBuffer f = t.data().duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] out = new float[f.remaining()];
        f.get(out);
        return out;
    }
}
