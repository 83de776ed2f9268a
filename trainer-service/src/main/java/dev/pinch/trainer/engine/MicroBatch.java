package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.pinch.events.settings.LossAverage;
import java.util.List;

/**
 * A right-padded micro-batch on the host: token ids (int64) and target weights, row-major [rows, cols]. The loss is
 * {@code sum(weight × nll) / targetTokens}: with {@link LossAverage#TOKEN} every target weighs 1, the mean over
 * target tokens; with {@link LossAverage#EXAMPLE} a row's targets weigh {@code targetTokens / (rows' with targets ×
 * its targets)}, so the same division gives the mean over examples of each example's mean.
 *
 * @param realTokens   non-pad positions
 * @param targetTokens positions that count in the loss
 * @param lossUnits    what the loss is a mean over: its target tokens ({@code TOKEN}), or its rows with a target
 *                     ({@code EXAMPLE})
 */
record MicroBatch(long[] ids, float[] targets, int rows, int cols, int realTokens, int targetTokens, int lossUnits) {

    static MicroBatch of(List<TokenSequence> sequences, int[] indices, int padId) {
        return of(sequences, indices, padId, LossAverage.TOKEN);
    }

    static MicroBatch of(List<TokenSequence> sequences, int[] indices, int padId, LossAverage average) {
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
        int units = average == LossAverage.EXAMPLE ? perExample(targets, indices.length, cols, counted) : counted;
        return new MicroBatch(ids, targets, indices.length, cols, real, counted, units);
    }

    /** Weighs each row's targets so that the mean over target tokens is the mean of the rows' means; the rows. */
    private static int perExample(float[] targets, int rows, int cols, int counted) {
        int[] perRow = new int[rows];
        int withTargets = 0;
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < cols; t++) {
                perRow[r] += targets[r * cols + t] != 0 ? 1 : 0;
            }
            withTargets += perRow[r] > 0 ? 1 : 0;
        }
        for (int r = 0; r < rows; r++) {
            float w = perRow[r] == 0 ? 0f : (float) ((double) counted / withTargets / perRow[r]);
            for (int t = 0; t < cols; t++) {
                targets[r * cols + t] *= w;
            }
        }
        return withTargets;
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
