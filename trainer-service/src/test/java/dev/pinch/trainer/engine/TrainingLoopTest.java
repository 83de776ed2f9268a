package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;

import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.trainer.domain.LossPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {

    @TempDir
    Path tmp;

    private static final Map<String, Object> CONFIG = Map.of("maxSteps", 8, "batchSize", 4, "gradAccumulation", 2,
            "checkpointEvery", 3, "progressEvery", 2, "devEvery", 4, "warmupSteps", 2, "learningRate", 0.05);

    @Test
    void aCrashedRunResumesFromItsCheckpointAndEndsWithTheSameWeights() throws Exception {
        TrainingSettings s = TrainingSettings.from(CONFIG);
        Recorder straight = new Recorder(-1);
        float[][] expected;
        try (TinyLm m = TinyLm.create(11, 6, 5)) {
            TrainingOutcome out = loop(m, s, tmp.resolve("a")).run(null, straight, () -> false);
            assertThat(out.steps()).isEqualTo(8);
            assertThat(out.finalCheckpoint()).isEqualTo(tmp.resolve("a/checkpoints/step-8"));
            expected = weights(m);
        }
        Recorder crashing = new Recorder(5);
        try (TinyLm m = TinyLm.create(11, 6, 5)) {
            assertThatThrownBy(() -> loop(m, s, tmp.resolve("b")).run(null, crashing, () -> false))
                    .hasMessageContaining("crash");
        }
        Path latest = Checkpoints.latest(tmp.resolve("b")).orElseThrow();
        assertThat(latest.getFileName()).hasToString("step-3");
        assertThat(Files.list(latest).map(p -> p.getFileName().toString()).toList())
                .contains("config.json", "model.safetensors", "trainer_state.json", "optimizer.safetensors");
        Recorder resumed = new Recorder(-1);
        try (TinyLm m = TinyLm.load(latest)) {
            TrainingOutcome out = loop(m, s, tmp.resolve("b")).run(latest, resumed, () -> false);
            assertThat(out.steps()).isEqualTo(8);
            float[][] actual = weights(m);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).containsExactly(expected[i], org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
        assertThat(resumed.progressSteps).containsExactly(4L, 6L, 8L);
        TrainerState last = TrainerState.read(tmp.resolve("b/checkpoints/step-8"));
        assertThat(last.lossHistory()).extracting(LossPoint::step).containsExactly(2L, 4L, 6L, 8L);
        assertThat(last.step()).isEqualTo(8);
        assertThat(last.optimizerStep()).isEqualTo(8);
        assertThat(last.lossHistory().get(1).devLoss()).isNotNull();
        TrainerState straightLast = TrainerState.read(tmp.resolve("a/checkpoints/step-8"));
        assertThat(last.cursor()).isEqualTo(straightLast.cursor());
        assertThat(last.lossHistory().get(3).loss()).isCloseTo(straightLast.lossHistory().get(3).loss(),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aRunWithALeadTrainsOnItFirstAndResumesAcrossItsEndWithTheSameWeights() throws Exception {
        TrainingSettings s = TrainingSettings.from(CONFIG);
        List<TokenSequence> lead = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lead.add(new TokenSequence(new int[] {7, 8, 9, 7, 8, 9}, new byte[] {0, 0, 0, 1, 1, 1}));
        }
        float[][] plain;
        try (TinyLm m = TinyLm.create(11, 6, 5)) {
            loop(m, s, tmp.resolve("plain")).run(null, new Recorder(-1), () -> false);
            plain = weights(m);
        }
        float[][] expected;
        try (TinyLm m = TinyLm.create(11, 6, 5)) {
            loop(m, s, tmp.resolve("a"), lead).run(null, new Recorder(-1), () -> false);
            expected = weights(m);
        }
        assertThat(expected[0]).as("the lead changed what was learned").isNotEqualTo(plain[0]);
        try (TinyLm m = TinyLm.create(11, 6, 5)) {
            assertThatThrownBy(() -> loop(m, s, tmp.resolve("b"), lead).run(null, new Recorder(5), () -> false))
                    .hasMessageContaining("crash");
        }
        Path latest = Checkpoints.latest(tmp.resolve("b")).orElseThrow();
        assertThat(TrainerState.read(latest).cursor()).as("3 lead batches of 4, then 3 of the main examples")
                .isEqualTo(new DataCursor(1, 3));
        try (TinyLm m = TinyLm.load(latest)) {
            loop(m, s, tmp.resolve("b"), lead).run(latest, new Recorder(-1), () -> false);
            float[][] actual = weights(m);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).containsExactly(expected[i], org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void cancellationWritesACheckpointAndReportsCancelled() throws Exception {
        TrainingSettings s = TrainingSettings.from(CONFIG);
        Recorder r = new Recorder(-1);
        try (TinyLm m = TinyLm.create(11, 6, 5)) {
            TrainingOutcome out = loop(m, s, tmp).run(null, r, () -> r.progressSteps.size() == 1);
            assertThat(out.cancelled()).isTrue();
            assertThat(out.steps()).isEqualTo(2);
            assertThat(out.finalCheckpoint()).isEqualTo(tmp.resolve("checkpoints/step-2"));
            assertThat(r.checkpoints).extracting(TrainingCallbacks.Checkpoint::isFinal).containsExactly(false);
        }
    }

    @Test
    void refusesACheckpointOfAnotherConfig() throws Exception {
        TrainingSettings s = TrainingSettings.from(CONFIG);
        try (TinyLm m = TinyLm.create(11, 6, 5)) {
            loop(m, s, tmp).run(null, new Recorder(-1), () -> false);
        }
        Path ck = Checkpoints.latest(tmp).orElseThrow();
        var other = new java.util.HashMap<>(CONFIG);
        other.put("learningRate", 0.01);
        try (TinyLm m = TinyLm.load(ck)) {
            assertThatThrownBy(() -> loop(m, TrainingSettings.from(other), tmp).run(ck, new Recorder(-1), () -> false))
                    .hasMessageContaining("config hash");
        }
    }

    static TrainingLoop loop(CausalLm model, TrainingSettings s, Path workDir) {
        return loop(model, s, workDir, List.of());
    }

    static TrainingLoop loop(CausalLm model, TrainingSettings s, Path workDir, List<TokenSequence> lead) {
        Random r = new Random(9);
        List<TokenSequence> data = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int[] ids = new int[3 + r.nextInt(9)];
            byte[] targets = new byte[ids.length];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = 1 + (i + t * 3) % 10;
                targets[t] = (byte) (t >= ids.length / 2 ? 1 : 0);
            }
            data.add(new TokenSequence(ids, targets));
        }
        RunSpec spec = new RunSpec("sft", "run-1", "mix-1", "abc", s, "tiny", new DeviceChoice(Device.cpu(), "fp32", null),
                new TrainerState.Seeds(s.seed(), s.seed(), s.seed()), List.of(), workDir, Map.of());
        return new TrainingLoop(model, new BatchPlan(lead, data.subList(0, 34), s.batchSize(), s.seed()),
                new DevEvaluator(data.subList(34, 40), s.batchSize(), 0), spec, 0);
    }

    static float[][] weights(CausalLm m) {
        return m.parameters().values().stream().map(a -> a.toFloatArray()).toArray(float[][]::new);
    }

    /** Records callbacks; throws from the progress callback after step {@code crashAfter} (a "crash"). */
    static final class Recorder implements TrainingCallbacks {
        final long crashAfter;
        final List<Long> progressSteps = new ArrayList<>();
        final List<Checkpoint> checkpoints = new ArrayList<>();
        final List<Progress> lastProgress = new ArrayList<>();

        Recorder(long crashAfter) {
            this.crashAfter = crashAfter;
        }

        @Override
        public void progress(Progress p) {
            if (crashAfter >= 0 && p.step() > crashAfter) {
                throw new IllegalStateException("crash at step " + p.step());
            }
            progressSteps.add(p.step());
            lastProgress.add(p);
        }

        @Override
        public void checkpoint(Checkpoint c) {
            checkpoints.add(c);
        }
    }
}
