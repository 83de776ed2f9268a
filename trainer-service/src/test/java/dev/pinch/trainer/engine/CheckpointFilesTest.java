package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.trainer.domain.LossPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFilesTest {

    @TempDir
    Path tmp;

    @Test
    void optimizerStateRoundTripsThroughSafetensors() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> state = new LinkedHashMap<>();
            state.put("exp_avg.w", m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3)));
            state.put("exp_avg_sq.b", m.create(new float[] {0.5f}));
            Path f = tmp.resolve(OptimizerFile.FILE);
            OptimizerFile.write(f, state, 42);
            OptimizerFile.Loaded back = OptimizerFile.read(f, m);
            assertThat(back.step()).isEqualTo(42);
            assertThat(back.tensors()).containsOnlyKeys("exp_avg.w", "exp_avg_sq.b");
            assertThat(back.tensors().get("exp_avg.w").getShape()).isEqualTo(new Shape(2, 3));
            assertThat(back.tensors().get("exp_avg.w").toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(dev.pinch.lm.Safetensors.read(f).keySet()).containsExactly("exp_avg.w", "exp_avg_sq.b");
        }
    }

    @Test
    void aTensorLargerThanOneReadIsReadInRunsOfRowsAndATruncatedFileIsRefused() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] values = new float[7 * 5];
            for (int i = 0; i < values.length; i++) {
                values[i] = i * 0.25f - 3;
            }
            Map<String, NDArray> state = new LinkedHashMap<>();
            state.put("exp_avg.big", m.create(values, new Shape(7, 5)));
            state.put("exp_avg.scalar", m.create(2.5f));
            Path f = tmp.resolve(OptimizerFile.FILE);
            OptimizerFile.write(f, state, 3);
            OptimizerFile.Loaded back = OptimizerFile.read(f, m, 2 * 5 * 4);
            assertThat(back.tensors().get("exp_avg.big").getShape()).isEqualTo(new Shape(7, 5));
            assertThat(back.tensors().get("exp_avg.big").toFloatArray()).containsExactly(values);
            assertThat(back.tensors().get("exp_avg.scalar").getFloat()).isEqualTo(2.5f);
            byte[] all = Files.readAllBytes(f);
            Files.write(f, java.util.Arrays.copyOf(all, all.length - 4));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> OptimizerFile.read(f, m))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("exp_avg");
        }
    }

    @Test
    void publishesAtomicallyReplacesAndFindsTheLatestCompleteCheckpoint() throws Exception {
        assertThat(Checkpoints.latest(tmp)).isEmpty();
        for (long step : new long[] {5, 20, 10}) {
            Path staged = Checkpoints.staging(tmp, step);
            Files.writeString(staged.resolve(TrainerState.FILE), "{}");
            assertThat(Checkpoints.publish(staged, step)).isEqualTo(tmp.resolve("checkpoints/step-" + step));
        }
        Path again = Checkpoints.staging(tmp, 20);
        Files.writeString(again.resolve(TrainerState.FILE), "{\"step\": 20}");
        Checkpoints.publish(again, 20);
        assertThat(tmp.resolve("checkpoints/step-20/" + TrainerState.FILE)).content().contains("20");
        Checkpoints.staging(tmp, 30);
        Files.createDirectories(tmp.resolve("checkpoints/step-40"));
        assertThat(Checkpoints.latest(tmp)).contains(tmp.resolve("checkpoints/step-20"));
        Checkpoints.clean(tmp);
        try (var names = Files.list(tmp.resolve("checkpoints"))) {
            assertThat(names.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(List.of("step-10", "step-20", "step-40", "step-5"));
        }
    }

    @Test
    void trainerStateRoundTripsAsJson() throws Exception {
        TrainingSettings s = TrainingSettings.defaults();
        TrainerState state = new TrainerState(1, "sft", "run", 7, 10, 1, new DataCursor(1, 3), 7, 7,
                new TrainerState.Seeds(1, 1, 1), "mix", "abc", s.configHash(), s.asMap(), "builtin:x", "cpu()",
                "fp32", 900, 1000, List.of("id-1"), List.of(new LossPoint(5, 2.5, null, 1e-3),
                        new LossPoint(7, 2.0, 2.2, 9e-4)), 2);
        state.write(tmp);
        TrainerState back = TrainerState.read(tmp);
        assertThat(back).usingRecursiveComparison().ignoringFields("settings").isEqualTo(state);
        assertThat(back.paddingFraction()).isEqualTo(0.1);
        assertThat(TrainingSettings.from(back.settings()).configHash()).isEqualTo(s.configHash());
    }

    @Test
    void cpuIsTheDeviceWithoutAGpuAndBf16FallsBackToFp32() {
        DeviceChoice auto = DeviceChoice.resolve(TrainingSettings.defaults());
        if (ai.djl.engine.Engine.getInstance().getGpuCount() == 0) {
            assertThat(auto.name()).isEqualTo("cpu()");
            assertThat(auto.precision()).isEqualTo("fp32");
            DeviceChoice bf16 = DeviceChoice.resolve(TrainingSettings.from(Map.of("precision", "bf16")));
            assertThat(bf16.precision()).isEqualTo("fp32");
            assertThat(bf16.note()).contains("GPU");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> DeviceChoice.resolve(TrainingSettings.from(Map.of("device", "gpu"))))
                    .hasMessageContaining("no GPU");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> DeviceChoice.resolve(TrainingSettings.from(Map.of("device", "CUDA:1"))))
                    .as("cuda:N is gpu:N, in any case").hasMessageContaining("training.device=gpu:1")
                    .hasMessageContaining("no GPU 1");
            assertThat(DeviceChoice.resolve(TrainingSettings.from(Map.of("device", "cpu"))).name()).isEqualTo("cpu()");
        }
        assertThat(auto.precision()).isEqualTo("fp32");
    }
}
