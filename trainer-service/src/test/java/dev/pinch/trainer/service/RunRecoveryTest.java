package dev.pinch.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pinch.broker.KafkaBrokerTestResource;
import dev.pinch.broker.KafkaTestClient;
import dev.pinch.events.CheckpointReady;
import dev.pinch.events.EventCodec;
import dev.pinch.events.Events;
import dev.pinch.events.MixReady;
import dev.pinch.events.Topics;
import dev.pinch.events.settings.TrainingSettings;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import dev.pinch.trainer.FreshRunsTestResource;
import dev.pinch.trainer.TestData;
import dev.pinch.trainer.domain.CheckpointRecord;
import dev.pinch.trainer.domain.LossPoint;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunIds;
import dev.pinch.trainer.domain.RunProgress;
import dev.pinch.trainer.domain.RunState;
import dev.pinch.trainer.engine.TrainerState;
import dev.pinch.trainer.engine.TrainingCallbacks;
import dev.pinch.trainer.engine.TrainingEngine;
import dev.pinch.trainer.engine.TrainingJob;
import dev.pinch.trainer.engine.TrainingOutcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Restart recovery with the real engine. An interrupted run (as a crash or shutdown leaves it) stays RUNNING and
 * resumes from its newest checkpoint. And a crash at the worst moment, reproduced: the engine trains to its first
 * checkpoint, which is stored but not recorded on the run, left RUNNING with a loss curve one step past the
 * checkpoint; recovery records the checkpoint, announces it, and resumes from it: step count and loss curve continue.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(FreshRunsTestResource.class)
class RunRecoveryTest {

    @Inject
    ArtifactStore store;
    @Inject
    RunRepository runs;
    @Inject
    RunRecovery recovery;
    @Inject
    TrainingEngine engine;
    @Inject
    BaseModels baseModels;
    @Inject
    RunScheduler scheduler;
    @Inject
    MixIntake intake;
    @Inject
    RunLeases leases;

    @Test
    void anInterruptedRunStaysRunningAndResumesFromItsCheckpointWhenRecovered() throws Exception {
        TestData.writeBuiltinCorpus(store);
        String experiment = TestData.newExperimentId();
        Artifact mix = TestData.writeMix(store, experiment + ".mono-sw", 30);
        MixReady event = TestData.mixReady(experiment, experiment + ".mono-sw", mix, mix.sha256(),
                TestData.tinyTraining(100_000));
        String runId = intake.accept(event).run().runId();

        await().atMost(Duration.ofMinutes(5)).until(() -> runs.find(runId).orElseThrow().checkpoints().size() >= 2);
        scheduler.interrupt(runId);
        await().atMost(Duration.ofSeconds(60)).until(() -> !scheduler.isScheduled(runId));
        Run stopped = runs.find(runId).orElseThrow();
        assertThat(stopped.state()).as("an interrupt is a crash, not a cancel").isEqualTo(RunState.RUNNING);
        long resumeStep = stopped.latestCheckpoint().orElseThrow().step();

        assertThat(recovery.recover(runId)).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> runs.find(runId).orElseThrow().progress() != null
                && runs.find(runId).orElseThrow().progress().step() > resumeStep + 2);
        Run resumed = runs.find(runId).orElseThrow();
        assertThat(resumed.attempts()).isEqualTo(2);
        assertThat(resumed.resumedFrom()).isEqualTo(RunIds.checkpointKey(runId, resumeStep));
        List<Long> steps = resumed.lossCurve().stream().map(LossPoint::step).toList();
        assertThat(steps).as("one continuous curve").isSorted().doesNotHaveDuplicates().startsWith(1L, 2L);

        runs.update(runId, r -> r.requestCancel(Events.now()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> runs.find(runId).orElseThrow().state() == RunState.CANCELLED);
    }

    @Test
    void aRunLeftRunningResumesFromItsNewestStoredCheckpoint() throws Exception {
        TestData.writeBuiltinCorpus(store);
        String experiment = TestData.newExperimentId();
        String mixId = experiment + ".mono-en";
        Artifact mix = TestData.writeMix(store, mixId, 30);
        MixReady event = TestData.mixReady(experiment, mixId, mix, mix.sha256(), TestData.tinyTraining(4));
        TrainingSettings settings = TrainingSettings.from(event.trainingConfig());
        String runId = RunIds.runId(mixId, settings.configHash());

        List<TrainingCallbacks.Progress> firstAttempt = new ArrayList<>();
        AtomicBoolean crashed = new AtomicBoolean();
        Path work = Files.createDirectories(Path.of("target", "recovery-test", runId));
        TrainingJob job = new TrainingJob(runId, experiment, mixId, Path.of(mix.uri()), mix.sha256(),
                baseModels.resolve("builtin", event, () -> false), work, null, settings);
        TrainingOutcome first = engine.train(job, new TrainingCallbacks() {
            @Override
            public void progress(Progress p) {
                firstAttempt.add(p);
            }

            @Override
            public void checkpoint(Checkpoint c) throws Exception {
                store.writeDirectory(RunIds.checkpointKey(runId, c.step()), c.dir());
                crashed.set(true);
            }
        }, crashed::get);
        assertThat(first.cancelled()).isTrue();
        assertThat(store.find(RunIds.checkpointKey(runId, 2))).isPresent();

        Run left = Run.queued(runId, settings.configHash(), "builtin", event, Events.now()).start(null, Events.now());
        for (TrainingCallbacks.Progress p : firstAttempt) {
            left = left.report(new RunProgress(p.step(), p.totalSteps(), p.epoch(), p.loss(), null,
                    p.tokensPerSecond(), p.learningRate(), p.stepMillis(), p.paddingFraction()), Events.now());
        }
        left = left.report(new RunProgress(3, 4, 0, 99.0, null, 1, 1e-3, 1, 0), Events.now());
        runs.create(left);

        assertThat(recovery.recover(runId)).isTrue();

        await().atMost(Duration.ofMinutes(5)).until(() -> runs.find(runId).orElseThrow().state().terminal());
        Run done = runs.find(runId).orElseThrow();
        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo(RunState.DONE);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.resumedFrom()).isEqualTo(RunIds.checkpointKey(runId, 2));
        assertThat(done.checkpoints()).extracting(CheckpointRecord::step).containsExactly(2L, 4L);
        assertThat(done.checkpoints()).allMatch(CheckpointRecord::announced);
        assertThat(done.lossCurve()).extracting(LossPoint::step).containsExactly(1L, 2L, 3L, 4L);
        assertThat(done.lossCurve().get(2).loss()).as("the interrupted attempt's step 3 is replaced").isLessThan(99);
        assertThat(done.lossCurve().subList(0, 2)).extracting(LossPoint::loss)
                .containsExactly(firstAttempt.get(0).loss(), firstAttempt.get(1).loss());

        TrainerState last = TrainerState.read(Path.of(URI.create(done.checkpoints().get(1).uri())));
        assertThat(last.step()).isEqualTo(4);
        assertThat(last.lossHistory()).hasSizeGreaterThanOrEqualTo(4);
        List<CheckpointReady> announced = KafkaTestClient.await(Topics.CHECKPOINTS, r -> runId.equals(r.key()), 2,
                Duration.ofSeconds(30)).stream()
                .map(r -> EventCodec.decode(r.value(), CheckpointReady.class, CheckpointReady.TYPE)).toList();
        assertThat(announced).extracting(CheckpointReady::step).containsExactlyInAnyOrder(2L, 4L);
    }

    /** A RUNNING run of a fresh mix, stored as another trainer left it, its lease renewed at {@code renewed}. */
    String runningRunOfAnotherTrainer(Instant renewed) throws Exception {
        return runningRunOfAnotherTrainer(renewed, false);
    }

    String runningRunOfAnotherTrainer(Instant renewed, boolean cancelRequested) throws Exception {
        TestData.writeBuiltinCorpus(store);
        String experiment = TestData.newExperimentId();
        String mixId = experiment + ".mono-fi";
        Artifact mix = TestData.writeMix(store, mixId, 30);
        MixReady event = TestData.mixReady(experiment, mixId, mix, mix.sha256(), TestData.tinyTraining(4));
        String runId = RunIds.runId(mixId, TrainingSettings.from(event.trainingConfig()).configHash());
        Run run = Run.queued(runId, TrainingSettings.from(event.trainingConfig()).configHash(), "builtin", event,
                Events.now()).start(null, Events.now());
        runs.create(cancelRequested ? run.requestCancel(Events.now()) : run);
        store.writeBytes("runs/" + runId + "/lease.json", EventCodec.mapper().writeValueAsBytes(
                new RunLeases.Lease("trainer-elsewhere", renewed)));
        return runId;
    }

    @Test
    void aRunLeasedByAnotherLiveTrainerIsLeftAlone() throws Exception {
        String runId = runningRunOfAnotherTrainer(Instant.now());
        assertThat(leases.mayTake(runId)).isFalse();
        assertThat(recovery.recover(runId)).isFalse();
        recovery.sweep();
        assertThat(scheduler.isScheduled(runId)).isFalse();
        assertThat(runs.find(runId).orElseThrow().state()).isEqualTo(RunState.RUNNING);
        assertThat(leases.lease(runId).orElseThrow().owner()).isEqualTo("trainer-elsewhere");
    }

    @Test
    void aRunWhoseTrainerIsGoneIsTakenOverAndItsLeaseFreedWhenDone() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(scheduler::hasFreeWorker);
        String runId = runningRunOfAnotherTrainer(Instant.now().minus(Duration.ofHours(1)));
        assertThat(leases.mayTake(runId)).isTrue();

        assertThat(recovery.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(leases.lease(runId).orElseThrow().owner()).isEqualTo(leases.instanceId());
        await().atMost(Duration.ofMinutes(5)).until(() -> runs.find(runId).orElseThrow().state().terminal());
        assertThat(runs.find(runId).orElseThrow().state()).isEqualTo(RunState.DONE);
        await().atMost(Duration.ofSeconds(10)).until(() -> leases.lease(runId).orElseThrow().renewedAt()
                .equals(Instant.EPOCH));
    }

    @Test
    void aTakenOverRunThatNeedsNoTrainingGivesItsLeaseBack() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(scheduler::hasFreeWorker);
        String runId = runningRunOfAnotherTrainer(Instant.now().minus(Duration.ofHours(1)), true);
        recovery.sweep();
        assertThat(runs.find(runId).orElseThrow().state()).as("the pending cancel is applied")
                .isEqualTo(RunState.CANCELLED);
        assertThat(leases.lease(runId).orElseThrow().renewedAt()).as("freed, not renewed forever")
                .isEqualTo(Instant.EPOCH);
    }
}
