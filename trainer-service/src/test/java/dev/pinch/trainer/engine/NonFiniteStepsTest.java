package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.pinch.events.settings.TrainingSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps with a non-finite loss are skipped and counted; too many in a row fail the run without NaN weights. */
class NonFiniteStepsTest {

    @TempDir
    Path tmp;

    private static final Map<String, Object> CONFIG = Map.of("maxSteps", 8, "batchSize", 4, "checkpointEvery", 4,
            "progressEvery", 2, "devEvery", 0, "warmupSteps", 2, "learningRate", 0.05);

    @Test
    void aNonFiniteStepIsSkippedCountedAndLeavesTheWeightsAlone() throws Exception {
        TrainingLoopTest.Recorder r = new TrainingLoopTest.Recorder(-1);
        try (TinyLm tiny = TinyLm.create(11, 6, 5); CausalLm m = poisoned(tiny, call -> call == 3 || call == 6)) {
            TrainingOutcome out = TrainingLoopTest.loop(m, TrainingSettings.from(CONFIG), tmp).run(null, r, () -> false);
            assertThat(out.steps()).isEqualTo(8);
            assertThat(out.finalLoss()).isFinite();
            assertThat(FiniteWeights.nonFinite(m)).isEmpty();
        }
        assertThat(r.lastProgress).extracting(TrainingCallbacks.Progress::skippedSteps).containsExactly(0L, 1L, 2L, 2L);
        assertThat(r.lastProgress).allSatisfy(p -> assertThat(p.loss()).isFinite());
        TrainerState last = TrainerState.read(tmp.resolve("checkpoints/step-8"));
        assertThat(last.skippedSteps()).isEqualTo(2);
        assertThat(last.optimizerStep()).isEqualTo(6);
        assertThat(last.lossHistory()).allSatisfy(p -> assertThat(p.loss()).isFinite());
    }

    @Test
    void consecutiveNonFiniteStepsFailTheRunWithoutACheckpoint() throws Exception {
        Map<String, Object> config = new HashMap<>(CONFIG);
        config.put("maxNonFiniteSteps", 2);
        TrainingSettings s = TrainingSettings.from(config);
        assertThat(s.configHash()).as("the guard's threshold is outside the hash")
                .isEqualTo(TrainingSettings.from(CONFIG).configHash());
        TrainingLoopTest.Recorder r = new TrainingLoopTest.Recorder(-1);
        try (TinyLm tiny = TinyLm.create(11, 6, 5); CausalLm m = poisoned(tiny, call -> call >= 6)) {
            assertThatThrownBy(() -> TrainingLoopTest.loop(m, s, tmp).run(null, r, () -> false))
                    .isInstanceOf(NonFiniteTrainingException.class)
                    .hasMessageContaining("2 steps in a row").hasMessageContaining("step 7");
            assertThat(FiniteWeights.nonFinite(m)).isEmpty();
        }
        assertThat(r.checkpoints).extracting(TrainingCallbacks.Checkpoint::step).containsExactly(4L);
    }

    @Test
    void aCheckpointIsNeverWrittenWithNonFiniteWeights() throws Exception {
        try (TinyLm m = TinyLm.create(11, 6, 5)) {
            m.parameters().get("norm.weight").set(new ai.djl.ndarray.index.NDIndex("0"), Float.NaN);
            assertThat(FiniteWeights.nonFinite(m)).containsExactly("norm.weight");
            Map<String, Object> config = new HashMap<>(CONFIG);
            config.put("maxNonFiniteSteps", 100);
            assertThatThrownBy(() -> TrainingLoopTest.loop(m, TrainingSettings.from(config), tmp)
                    .run(null, new TrainingLoopTest.Recorder(-1), () -> false))
                    .isInstanceOf(NonFiniteTrainingException.class).hasMessageContaining("no checkpoint written");
            assertThat(Checkpoints.latest(tmp)).isEmpty();
        }
    }

    /** Multiplies the logits of the forward calls that {@code bad} picks (counted from 1) by NaN. */
    private static CausalLm poisoned(TinyLm tiny, IntPredicate bad) {
        return new Forwarding(tiny, (call, logits) -> bad.test(call) ? logits.mul(logits.getManager()
                .full(new ai.djl.ndarray.types.Shape(), Float.NaN)) : logits);
    }

}
