package dev.pinch.trainer.engine;

/**
 * Where the data stream stands: the next micro-batch is batch {@code position} of epoch {@code epoch}'s
 * plan. Plans are a pure function of (seed, epoch), so this pair is all a checkpoint needs to continue.
 */
public record DataCursor(int epoch, int position) {

    public static final DataCursor START = new DataCursor(0, 0);

    /** The cursor after one more micro-batch of an epoch with {@code batchesPerEpoch} batches. */
    DataCursor advance(int batchesPerEpoch) {
        return position + 1 >= batchesPerEpoch ? new DataCursor(epoch + 1, 0) : new DataCursor(epoch, position + 1);
    }
}
