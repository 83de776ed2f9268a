package dev.pinch.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.events.Events;
import dev.pinch.store.Artifact;
import dev.pinch.store.LocalArtifactStore;
import dev.pinch.trainer.TestData;
import dev.pinch.trainer.domain.IllegalTransitionException;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunIds;
import dev.pinch.trainer.domain.RunProgress;
import dev.pinch.trainer.domain.RunState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRepositoryTest {

    @TempDir
    Path root;

    Run run(LocalArtifactStore store, String mixId) throws Exception {
        Artifact mix = TestData.writeMix(store, mixId, 3);
        return Run.queued(RunIds.runId(mixId, "e".repeat(64)), "e".repeat(64), "builtin",
                TestData.mixReady("exp", mixId, mix, mix.sha256(), TestData.tinyTraining(4)), Events.now());
    }

    @Test
    void storesRunsDurablyAndReadsThemBackAfterARestart() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(root);
        RunRepository runs = new RunRepository(store);
        runs.load();
        Run run = run(store, "exp.mono-en");
        assertThat(runs.create(run)).isTrue();
        assertThat(runs.create(run)).as("a second create of the same id").isFalse();
        runs.update(run.runId(), r -> r.start(null, Events.now())
                .report(new RunProgress(1, 4, 0, 2.5, Double.NaN, 10, 1e-3, 3, 0), Events.now()));
        assertThat(store.find("runs/" + run.runId() + "/run.json")).isPresent();

        RunRepository restarted = new RunRepository(store);
        restarted.load();
        Run back = restarted.find(run.runId()).orElseThrow();
        assertThat(back.state()).isEqualTo(RunState.RUNNING);
        assertThat(back.progress().loss()).isEqualTo(2.5);
        assertThat(back.progress().devLoss()).isNaN();
        assertThat(back.mix()).isEqualTo(run.mix());
        assertThat(restarted.all()).extracting(Run::runId).containsExactly(run.runId());
    }

    @Test
    void aRejectedChangeLeavesTheRunAsItWas() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(root);
        RunRepository runs = new RunRepository(store);
        runs.load();
        Run run = run(store, "exp.mono-sw");
        runs.create(run);
        assertThatThrownBy(() -> runs.update(run.runId(), r -> r.moveTo(RunState.DONE, Events.now())))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(runs.find(run.runId()).orElseThrow().state()).isEqualTo(RunState.QUEUED);
        assertThatThrownBy(() -> runs.update("nope", r -> r)).isInstanceOf(RunNotFoundException.class);
    }

    @Test
    void anUnreadableRecordIsSkippedAtStart() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(root);
        store.writeBytes("runs/broken/run.json", "{not json".getBytes(StandardCharsets.UTF_8));
        RunRepository runs = new RunRepository(store);
        runs.load();
        Run run = run(store, "exp.mono-fi");
        runs.create(run);
        RunRepository restarted = new RunRepository(store);
        restarted.load();
        assertThat(restarted.all()).extracting(Run::runId).isEqualTo(List.of(run.runId()));
    }
}
