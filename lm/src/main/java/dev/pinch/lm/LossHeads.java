package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;

/**
 * The head-and-loss part of {@link TrainingBackward}: over the detached final hidden states {@code x [B, T, hidden]}
 * (a leaf), the final norm, LM head and loss run with a graph a run at a time, each run back-propagated at once into
 * x's gradient and the head's, so the vocabulary-sized tensors of one run are alive at a time. {@link #dense} runs
 * over every position; {@link #picked} over a {@link TargetLoss}'s positions only, their hidden states gathered.
 */
final class LossHeads {

    private LossHeads() {
    }

    /** The head and loss over the detached final hidden states {@code x}: back-propagated into x; the loss's sum. */
    interface Head {
        double backward(NDArray x, ForwardStep step, NDManager own);
    }

    /** The norm, LM head and {@code loss} over every position, at most {@code perRun} positions a run. */
    static Head dense(Decoder d, ChunkLoss loss, float scale, long perRun) {
        return (x, step, own) -> dense(d, x, step, own, loss, scale, perRun);
    }

    /** The norm, LM head and {@code loss} at the loss's positions only, gathered, at most {@code perRun} a run. */
    static Head picked(Decoder d, TargetLoss loss, float scale, long perRun) {
        return (x, step, own) -> picked(d, x, step, own, loss, scale, perRun);
    }

    private static double dense(Decoder d, NDArray x, ForwardStep step, NDManager own, ChunkLoss loss, float scale,
            long perRun) {
        int t = Math.toIntExact(x.getShape().get(1));
        double value = 0;
        for (int from = 0; from < t; from += (int) perRun) {
            int to = (int) Math.min(t, from + perRun);
            try (NDManager chunk = own.newSubManager()) {
                NDArray part = x;
                if (to - from < t) {
                    part = x.get(":, " + from + ":" + to + ", :");
                    part.attach(chunk);
                }
                NDArray l = loss.apply(d.head(part, step), from);
                l.attach(chunk);
                JniUtils.backward((PtNDArray) l, (PtNDArray) chunk.full(new Shape(), scale), false, false);
                value += l.getFloat();
            }
        }
        return value;
    }

    private static double picked(Decoder d, NDArray x, ForwardStep step, NDManager own, TargetLoss loss, float scale,
            long perRun) {
        Shape shape = x.getShape();
        NDArray flat = x.reshape(shape.get(0) * shape.get(1), shape.get(2));
        if (loss.size() == 0) {
            try (NDManager none = own.newSubManager()) {
                NDArray sum = flat.sum();
                sum.attach(none);
                JniUtils.backward((PtNDArray) sum, (PtNDArray) none.zeros(new Shape(), sum.getDataType()), false,
                        false);
            }
            return 0;
        }
        double value = 0;
        for (int from = 0; from < loss.size(); from += (int) perRun) {
            int to = (int) Math.min(loss.size(), from + perRun);
            try (NDManager chunk = own.newSubManager()) {
                NDArray at = chunk.create(Arrays.copyOfRange(loss.positions(), from, to));
                NDArray gathered = flat.get(at);
                gathered.attach(chunk);
                NDArray rows = gathered.expandDims(0);
                rows.attach(chunk);
                NDArray l = loss.nllSum(d.head(rows, step).squeeze(0), from, chunk);
                l.attach(chunk);
                JniUtils.backward((PtNDArray) l, (PtNDArray) chunk.full(new Shape(), scale), false, false);
                value += l.getFloat();
            }
        }
        return value;
    }

}
