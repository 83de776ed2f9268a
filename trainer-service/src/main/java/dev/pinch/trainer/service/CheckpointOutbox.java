package dev.pinch.trainer.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinch.events.EventCodec;
import dev.pinch.events.Events;
import dev.pinch.store.Artifact;
import dev.pinch.store.ArtifactStore;
import dev.pinch.trainer.domain.CheckpointRecord;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunIds;
import dev.pinch.trainer.engine.TrainingCallbacks.Checkpoint;
import dev.pinch.trainer.engine.TrainingOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Publishes checkpoints: the directory is first written to the artifact store ({@code checkpoints/<runId>/step-N},
 * atomic and synced), then recorded on the run, then announced with a CheckpointReady, then marked announced. A
 * checkpoint whose announcement failed, or which a crash left unrecorded, is announced again at the next start.
 */
@ApplicationScoped
public class CheckpointOutbox {

    private static final Logger LOG = Logger.getLogger(CheckpointOutbox.class);

    private final ArtifactStore store;
    private final RunRepository runs;
    private final RunAnnouncer events;
    private final BaseModels baseModels;

    public CheckpointOutbox(ArtifactStore store, RunRepository runs, RunAnnouncer events, BaseModels baseModels) {
        this.store = store;
        this.runs = runs;
        this.events = events;
        this.baseModels = baseModels;
    }

    /** Stores, records and announces a checkpoint the engine has written. */
    public CheckpointRecord publish(String runId, Checkpoint checkpoint) throws IOException {
        String key = RunIds.checkpointKey(runId, checkpoint.step());
        Artifact artifact = store.writeDirectory(key, checkpoint.dir());
        CheckpointRecord record = new CheckpointRecord(RunIds.checkpointId(runId, checkpoint.step()), key,
                checkpoint.step(), checkpoint.isFinal(), artifact.uri().toString(), artifact.sha256(),
                checkpoint.device(), checkpoint.precision(), Events.now(), false);
        Run run = runs.update(runId, r -> r.withCheckpoint(record, Events.now()));
        LOG.infof("run %s: checkpoint %s stored (%s)", runId, key, checkpoint.isFinal() ? "final" : "intermediate");
        announce(run, record);
        return record;
    }

    /** Publishes the outcome's final checkpoint when the engine did not report it through the callback. */
    public void publishFinal(String runId, TrainingOutcome outcome) throws IOException {
        Run run = runs.find(runId).orElseThrow();
        String device = run.latestCheckpoint().map(CheckpointRecord::device).orElse("unknown");
        String precision = run.latestCheckpoint().map(CheckpointRecord::precision).orElse("unknown");
        publish(runId, new Checkpoint(outcome.finalCheckpoint(), outcome.steps(), true, device, precision));
    }

    /** Announces the run's checkpoints that were stored but not acknowledged by the broker. */
    public void announcePending(String runId) {
        Run run = runs.find(runId).orElseThrow();
        run.checkpoints().stream().filter(c -> !c.announced()).forEach(c -> announce(run, c));
    }

    /**
     * Records the checkpoints found in the store but not on the run (a crash between storing and recording).
     * Their final flag, device and precision come from their trainer_state.json where it has them.
     */
    public void reconcile(String runId) throws IOException {
        Run run = runs.find(runId).orElseThrow();
        TreeSet<String> dirs = new TreeSet<>();
        for (String key : store.list("checkpoints/" + runId)) {
            String[] parts = key.split("/");
            if (parts.length > 3 && RunIds.parseStep(parts[2]) >= 0) {
                dirs.add(parts[2]);
            }
        }
        for (String dir : dirs) {
            long step = RunIds.parseStep(dir);
            if (run.checkpoints().stream().noneMatch(c -> c.step() == step)) {
                String key = RunIds.checkpointKey(runId, step);
                Artifact artifact = store.find(key).orElseThrow();
                JsonNode state = trainerState(key);
                CheckpointRecord record = new CheckpointRecord(RunIds.checkpointId(runId, step), key, step,
                        state.path("final").asBoolean(false), artifact.uri().toString(), artifact.sha256(),
                        state.path("device").asText("unknown"), state.path("precision").asText("unknown"),
                        Events.now(), false);
                run = runs.update(runId, r -> r.withCheckpoint(record, Events.now()));
                LOG.infof("run %s: recorded checkpoint %s found in the store", runId, key);
            }
        }
    }

    /** The newest recorded checkpoint that is still in the store: where a new attempt resumes. */
    public Optional<CheckpointRecord> resumePoint(Run run) {
        for (CheckpointRecord c : run.checkpoints().reversed()) {
            try {
                store.localPath(store.uri(c.key()));
                return Optional.of(c);
            } catch (java.nio.file.NoSuchFileException e) {
                LOG.warnf("run %s: checkpoint %s is gone from the store", run.runId(), c.key());
            } catch (IOException e) {
                LOG.warnf("run %s: checkpoint %s unreadable: %s", run.runId(), c.key(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    private void announce(Run run, CheckpointRecord record) {
        try {
            events.checkpointReady(run, record, baseModels.describe(run.baseModel()));
            runs.update(run.runId(), r -> r.withCheckpoint(record.asAnnounced(), Events.now()));
        } catch (RuntimeException e) {
            LOG.warnf("run %s: CheckpointReady for %s not acknowledged (%s); retried later", run.runId(),
                    record.checkpointId(), e.getMessage());
        }
    }

    private JsonNode trainerState(String checkpointKey) {
        try {
            return EventCodec.mapper().readTree(store.readBytes(store.uri(checkpointKey + "/trainer_state.json")));
        } catch (IOException e) {
            return EventCodec.mapper().createObjectNode();
        }
    }
}
