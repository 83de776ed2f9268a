package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** Causal, sliding-window and padding masks of a forward step. */
final class Masks {

    private static final float MASKED = -1e9f;

    private Masks() {
    }

    /** {@code [T, S]} BOOLEAN: query {@code past+i} may see key {@code j <= past+i}. */
    static NDArray causal(NDManager scope, int past, int t, int total) {
        NDArray rows = scope.arange(past, past + t).reshape(t, 1);
        NDArray cols = scope.arange(0, total).reshape(1, total);
        return cols.lte(rows);
    }

    /** {@code [T, S]} BOOLEAN: key {@code j} is among the {@code window} latest positions of query {@code past+i}. */
    static NDArray inWindow(NDManager scope, int past, int t, int total, int window) {
        NDArray rows = scope.arange(past - window, past + t - window).reshape(t, 1);
        NDArray cols = scope.arange(0, total).reshape(1, total);
        return cols.gt(rows);
    }

    static NDArray additive(NDArray allowed) {
        return allowed.toType(DataType.FLOAT32, false).sub(1f).mul(-MASKED);
    }

    static NDArray concat(NDManager scope, NDArray first, NDArray second) {
        NDArray r = NDArrays.concat(new NDList(first, second), 1);
        r.attach(scope);
        return r;
    }
}
