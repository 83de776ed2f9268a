package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * A right-padded micro-batch on the host: token ids (int64) and target weights, row-major [rows, cols].
 *
 * @param realTokens   non-pad positions
 * @param targetTokens positions that count in the loss
 */
record MicroBatch(long[] ids, float[] targets, int rows, int cols, int realTokens, int targetTokens) {

    static MicroBatch of(List<TokenSequence> sequences, int[] indices, int padId) {
        int cols = 0;
        for (int i : indices) {
            cols = Math.max(cols, sequences.get(i).length());
        }
        long[] ids = new long[indices.length * cols];
        float[] targets = new float[ids.length];
        java.util.Arrays.fill(ids, padId);
        int real = 0;
        int counted = 0;
        for (int r = 0; r < indices.length; r++) {
            TokenSequence s = sequences.get(indices[r]);
            for (int t = 0; t < s.length(); t++) {
                ids[r * cols + t] = s.ids()[t];
                if (t > 0 && s.targets()[t] != 0) {
                    targets[r * cols + t] = 1f;
                    counted++;
                }
            }
            real += s.length();
        }
        return new MicroBatch(ids, targets, indices.length, cols, real, counted);
    }

    int positions() {
        return rows * cols;
    }

    NDArray idsArray(NDManager manager) {
        return manager.create(ids, new Shape(rows, cols));
    }

    NDArray targetsArray(NDManager manager) {
        return manager.create(targets, new Shape(rows, cols));
    }
}
