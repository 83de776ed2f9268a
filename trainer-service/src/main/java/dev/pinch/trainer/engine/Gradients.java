package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.Map;

/**
 * Autograd plumbing on DJL's PyTorch engine. Uses the engine's thread-local grad mode directly instead of
 * {@code GradientCollector}: PyTorch's collector allows only one collecting instance per JVM, which would
 * serialize concurrent runs (one per device). Gradients accumulate across backward calls (PyTorch
 * semantics) until {@link #zero}, which is what gradient accumulation needs.
 */
final class Gradients {

    private Gradients() {
    }

    /** Sets gradient tracking for this thread until closed (then restores the previous mode). */
    static Mode recording(boolean enabled) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(enabled);
        return () -> JniUtils.setGradMode(previous);
    }

    /** A grad-mode scope. */
    interface Mode extends AutoCloseable {
        @Override
        void close();
    }

    /** Back-propagates a scalar loss into the parameters' gradients. */
    static void backward(NDArray loss) {
        try (NDArray seed = loss.onesLike()) {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
        }
    }

    /**
     * A scalar in libtorch-owned memory, for arithmetic that autograd records. Never use DJL's
     * {@code x.mul(Number)}/{@code x.div(Number)} on a tensor that requires gradients: DJL wraps the number in a
     * tensor over a Java direct buffer and closes it right after the call, while the backward node keeps that
     * tensor; once a GC frees the buffer, backward reads freed memory and the gradients turn to garbage or NaN.
     */
    static NDArray scalar(NDManager manager, double value) {
        return manager.full(new ai.djl.ndarray.types.Shape(), (float) value, DataType.FLOAT32);
    }

    static void requireGradients(Map<String, NDArray> params) {
        params.values().forEach(p -> p.setRequiresGradient(true));
    }

    /**
     * The gradient of a parameter, as a handle owned by {@code scope} (closing it leaves the parameter's
     * gradient alone); all arrays computed from it land in {@code scope} too.
     */
    static NDArray of(NDArray param, NDManager scope) {
        NDArray g = param.getGradient();
        g.attach(scope);
        return g;
    }

    /**
     * The global L2 norm of all gradients (one host sync): the norm of each gradient (no squared copy), its
     * square accumulated into one scalar; each parameter's temporaries are freed before the next.
     */
    static double globalNorm(Map<String, NDArray> params, NDManager scope) {
        NDArray total = scope.zeros(new ai.djl.ndarray.types.Shape(), DataType.FLOAT32);
        for (NDArray p : params.values()) {
            try (NDManager own = scope.newSubManager()) {
                NDArray n = of(p, own).norm();
                if (n.getDataType() != DataType.FLOAT32) {
                    n = n.toType(DataType.FLOAT32, false);
                }
                total.addi(n.square());
            }
        }
        return Math.sqrt(total.getFloat());
    }

    static void zero(Map<String, NDArray> params) {
        for (NDArray p : params.values()) {
            JniUtils.zeroGrad((PtNDArray) p);
        }
    }
}
