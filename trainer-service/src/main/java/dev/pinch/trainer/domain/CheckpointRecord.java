package dev.pinch.trainer.domain;

import java.time.Instant;

/**
 * A checkpoint of a run, published durably in the artifact store.
 *
 * @param checkpointId {@code <runId>.step-NNNNNN}: the key of its CheckpointReady and evaluations
 * @param key          artifact store key of the checkpoint directory ({@code checkpoints/<runId>/step-NNNNNN})
 * @param sha256       the store's sha256 over the directory's files
 * @param announced    whether the broker acknowledged its CheckpointReady event; false ones are re-sent at start
 */
public record CheckpointRecord(String checkpointId, String key, long step, boolean finalCheckpoint, String uri,
        String sha256, String device, String precision, Instant createdAt, boolean announced) {

    public CheckpointRecord asAnnounced() {
        return new CheckpointRecord(checkpointId, key, step, finalCheckpoint, uri, sha256, device, precision,
                createdAt, true);
    }
}
