package dev.pinch.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.events.Events;
import dev.pinch.events.MixReady;
import dev.pinch.store.Artifact;
import dev.pinch.store.LocalArtifactStore;
import dev.pinch.trainer.TestData;
import dev.pinch.trainer.domain.CheckpointRecord;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunIds;
import dev.pinch.trainer.domain.RunProgress;
import dev.pinch.trainer.engine.TrainingCallbacks.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint outbox's failure paths on a real store: the broker down when announcing, a checkpoint gone. */
class CheckpointOutboxTest {

    @TempDir
    Path root;

    /** Fails every announcement while {@code down}, like a broker that does not acknowledge. */
    static final class Broker implements RunAnnouncer {
        volatile boolean down = true;
        final List<String> announced = new CopyOnWriteArrayList<>();

        @Override
        public void progress(Run run, RunProgress p) {
        }

        @Override
        public void checkpointReady(Run run, CheckpointRecord c, String baseModel) {
            if (down) {
                throw new IllegalStateException("broker down");
            }
            announced.add(c.checkpointId());
        }
    }

    @Test
    void aCheckpointNotAcknowledgedIsAnnouncedLaterAndAGoneOneIsSkippedOnResume() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("store"));
        RunRepository runs = new RunRepository(store);
        Broker broker = new Broker();
        CheckpointOutbox outbox = new CheckpointOutbox(store, runs, broker, new BaseModels(null, null));
        Artifact mix = TestData.writeMix(store, "e.mono-en", 4);
        MixReady event = TestData.mixReady("e", "e.mono-en", mix, mix.sha256(), TestData.tinyTraining(4));
        String runId = RunIds.runId("e.mono-en", "a".repeat(64));
        runs.create(Run.queued(runId, "a".repeat(64), "/models/base", event, Events.now()).start(null, Events.now()));

        CheckpointRecord two = outbox.publish(runId, new Checkpoint(checkpointDir("two"), 2, false, "cpu()", "fp32"));
        assertThat(runs.find(runId).orElseThrow().checkpoints()).singleElement()
                .satisfies(c -> assertThat(c.announced()).as("stored and recorded, not acknowledged").isFalse());

        broker.down = false;
        outbox.publish(runId, new Checkpoint(checkpointDir("four"), 4, true, "cpu()", "fp32"));
        outbox.announcePending(runId);
        assertThat(broker.announced).containsExactly(RunIds.checkpointId(runId, 4), two.checkpointId());
        assertThat(runs.find(runId).orElseThrow().checkpoints()).allMatch(CheckpointRecord::announced);

        deleteTree(root.resolve("store").resolve(RunIds.checkpointKey(runId, 4)));
        assertThat(outbox.resumePoint(runs.find(runId).orElseThrow())).map(CheckpointRecord::step)
                .as("the newest checkpoint still in the store").hasValue(2L);
    }

    Path checkpointDir(String name) throws Exception {
        Path dir = Files.createDirectories(root.resolve("work").resolve(name));
        Files.writeString(dir.resolve("config.json"), "{\"step\":\"" + name + "\"}");
        return dir;
    }

    static void deleteTree(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
