package dev.pinch.trainer.service;

import dev.pinch.trainer.domain.CheckpointRecord;
import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunProgress;

/**
 * How runs are announced to the rest of the pipeline; the service owns this interface and messaging implements it
 * (on Kafka: {@code TrainingEvents}), so that the service never depends on messaging.
 */
public interface RunAnnouncer {

    /** Announces a progress report, best effort: a failure is logged and counted, not thrown. */
    void progress(Run run, RunProgress p);

    /** Announces a stored checkpoint and returns once the announcement is acknowledged, or throws. */
    void checkpointReady(Run run, CheckpointRecord c, String baseModel);
}
