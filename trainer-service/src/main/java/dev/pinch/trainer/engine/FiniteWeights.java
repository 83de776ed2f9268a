package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whether every weight is finite: checked before any checkpoint is written. */
final class FiniteWeights {

    private FiniteWeights() {
    }

    /** Names of the parameters holding a NaN or an infinity (empty when all are finite; one host sync each). */
    static List<String> nonFinite(CausalLm model) {
        List<String> bad = new ArrayList<>();
        try (NDManager scope = model.manager().newSubManager(model.device());
                var mode = Gradients.recording(false)) {
            for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                NDArray p = e.getValue();
                NDArray f = p.getDataType() == DataType.FLOAT32 ? p : p.toType(DataType.FLOAT32, false);
                NDArray sum = f.sum();
                sum.attach(scope);
                if (f != p) {
                    f.attach(scope);
                }
                // NaN or ±inf anywhere makes the sum NaN or infinite; a finite sum overflowing is not a concern
                // at trainable magnitudes, and the rare false alarm would only refuse a checkpoint.
                if (!Float.isFinite(sum.getFloat())) {
                    bad.add(e.getKey());
                }
            }
        }
        return bad;
    }
}
