package dev.pinch.trainer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.events.DesignRef;
import dev.pinch.events.MixReady;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunTest {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    static MixReady mix() {
        return new MixReady(UUID.randomUUID(), MixReady.TYPE, "exp", T0, "exp.mono-en",
                new DesignRef("monolingual", "mono", List.of("en"), Map.of()), Map.of("en", 3), 3, null,
                "file:///tmp/x.jsonl", "0".repeat(64), Map.of(), Map.of(), null);
    }

    static RunProgress progress(long step, double loss) {
        return new RunProgress(step, 10, 0, loss, null, 100, 1e-3, 5, 0.1);
    }

    static CheckpointRecord checkpoint(long step, boolean last) {
        return new CheckpointRecord(RunIds.checkpointId("r", step), RunIds.checkpointKey("r", step), step, last,
                "file:///c", "a".repeat(64), "cpu()", "fp32", T0, false);
    }

    @Test
    void followsTheStateMachine() {
        Run run = Run.queued("exp.mono-en.abc", "h", "builtin", mix(), T0);
        assertThat(run.state()).isEqualTo(RunState.QUEUED);
        Run running = run.start(null, T0);
        assertThat(running.state()).isEqualTo(RunState.RUNNING);
        assertThat(running.attempts()).isEqualTo(1);
        Run done = running.moveTo(RunState.DONE, T0);
        assertThat(done.finishedAt()).isEqualTo(T0);
        assertThatThrownBy(() -> done.moveTo(RunState.CANCELLED, T0))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("is DONE and cannot become");
        assertThatThrownBy(() -> run.moveTo(RunState.DONE, T0)).isInstanceOf(IllegalTransitionException.class);
        assertThat(run.fail("broken", T0).error()).isEqualTo("broken");
        assertThat(RunState.RUNNING.canMoveTo(RunState.QUEUED)).as("crash recovery").isTrue();
        assertThat(RunState.FAILED.terminal()).isTrue();
    }

    @Test
    void aResumedAttemptContinuesTheLossCurveFromItsCheckpoint() {
        Run run = Run.queued("r", "h", "builtin", mix(), T0).start(null, T0);
        for (int step = 1; step <= 5; step++) {
            run = run.report(progress(step, 5.0 - step * 0.1), T0);
        }
        run = run.withCheckpoint(checkpoint(4, false), T0).withCheckpoint(checkpoint(2, false), T0);
        assertThat(run.checkpoints()).extracting(CheckpointRecord::step).containsExactly(2L, 4L);

        Run resumed = run.moveTo(RunState.QUEUED, T0).start(run.latestCheckpoint().orElseThrow(), T0);
        assertThat(resumed.attempts()).isEqualTo(2);
        assertThat(resumed.resumedFrom()).isEqualTo("checkpoints/r/step-000004");
        assertThat(resumed.lossCurve()).extracting(LossPoint::step).containsExactly(1L, 2L, 3L, 4L);
        assertThat(resumed.progress()).as("step 5's report belongs to the interrupted attempt").isNull();

        Run replaced = resumed.report(progress(4, 1.0), T0).report(progress(5, 0.9), T0);
        assertThat(replaced.lossCurve()).extracting(LossPoint::step).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(replaced.lossCurve().get(3).loss()).isEqualTo(1.0);
    }

    @Test
    void namesAreDeterministic() {
        String hash = "0123456789abcdef".repeat(4);
        assertThat(RunIds.runId("exp.mono-en", hash)).isEqualTo("exp.mono-en.0123456789ab");
        assertThat(RunIds.runId("exp.mono-en", hash, null)).isEqualTo("exp.mono-en.0123456789ab");
        assertThat(RunIds.runId("exp.mono-en", hash, 2L)).isEqualTo("exp.mono-en.seed2.0123456789ab");
        assertThat(RunIds.checkpointKey("run", 100)).isEqualTo("checkpoints/run/step-000100");
        assertThat(RunIds.checkpointId("run", 7)).isEqualTo("run.step-000007");
        assertThat(RunIds.parseStep("step-000100")).isEqualTo(100);
        assertThat(RunIds.parseStep("tmp")).isEqualTo(-1);
        assertThat(RunIds.rawConfigHash(Map.of("a", 1, "b", Map.of("y", 2, "x", 1))))
                .isEqualTo(RunIds.rawConfigHash(new java.util.TreeMap<>(Map.of("b", Map.of("x", 1, "y", 2), "a", 1))))
                .hasSize(64);
    }

    @Test
    void aSeededMixTrainsWithItsSeedAndADefaultMixWithTheConfigAsGiven() {
        MixReady plain = mix();
        assertThat(dev.pinch.trainer.service.MixIntake.trainingConfig(plain)).isSameAs(plain.trainingConfig());
        MixReady seeded = new MixReady(plain.eventId(), plain.eventType(), plain.experimentId(), plain.timestamp(),
                plain.mixId(), plain.design(), plain.counts(), plain.exampleCount(), plain.corpus(),
                plain.artifactUri(), plain.sha256(), Map.of("maxSteps", 5), plain.evalConfig(), 3L);
        assertThat(dev.pinch.trainer.service.MixIntake.trainingConfig(seeded))
                .containsEntry("seed", 3L).containsEntry("maxSteps", 5);
        assertThat(dev.pinch.events.settings.TrainingSettings.from(
                dev.pinch.trainer.service.MixIntake.trainingConfig(seeded)).seed()).isEqualTo(3);
    }
}
