package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) with first and second moments held here, one pair per parameter, so a
 * checkpoint can save and restore them (DJL's built-in optimizers keep theirs private). The update
 * equals {@code torch.optim.AdamW}: decoupled decay {@code p ← p − lr·wd·p}, then
 * {@code p ← p − lr · m̂ / (√v̂ + eps)}. Vectors (norm weights, biases) are not decayed. Each parameter
 * is updated by one fused native call (DJL's PyTorch {@code adamUpdate}, with eps rescaled so that its
 * ε-after-bias-correction form is exact). Parameters not in fp32 (bf16 training) get an fp32 master copy
 * that the update runs on; the parameter then receives its rounded value.
 */
final class AdamW implements AutoCloseable {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.95;
    static final double EPS = 1e-8;

    private final NDManager manager;
    private final double weightDecay;
    private final Map<String, NDArray> exp = new LinkedHashMap<>();
    private final Map<String, NDArray> expSq = new LinkedHashMap<>();
    private final Map<String, NDArray> master = new LinkedHashMap<>();
    private long step;

    AdamW(NDManager parent, Map<String, NDArray> params, double weightDecay) {
        this.manager = parent.newSubManager();
        this.weightDecay = weightDecay;
        for (var e : params.entrySet()) {
            NDArray p = e.getValue();
            exp.put(e.getKey(), manager.zeros(p.getShape(), DataType.FLOAT32, p.getDevice()));
            expSq.put(e.getKey(), manager.zeros(p.getShape(), DataType.FLOAT32, p.getDevice()));
            if (p.getDataType() != DataType.FLOAT32) {
                NDArray copy = p.toType(DataType.FLOAT32, true);
                copy.attach(manager);
                master.put(e.getKey(), copy);
            }
        }
    }

    /** Updates taken so far (the bias-correction step). */
    long step() {
        return step;
    }

    /** Whether a parameter gets weight decay: matrices yes; vectors (norms, biases) no. */
    static boolean decays(NDArray param) {
        return param.getShape().dimension() >= 2;
    }

    /**
     * One update from the accumulated gradients, scaled by {@code gradScale} first (1/micro-batches ×
     * the clip factor). Gradients are left as they are; the caller zeroes them.
     */
    void update(Map<String, NDArray> params, double lr, double gradScale) {
        step++;
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = Math.sqrt(1 - Math.pow(BETA2, step));
        float lrCorrected = (float) (lr * c2 / c1);
        float eps = (float) (EPS * c2);
        try (NDManager scope = manager.newSubManager(); var mode = Gradients.recording(false)) {
            for (var e : params.entrySet()) {
                String name = e.getKey();
                NDArray p = e.getValue();
                NDArray target = master.getOrDefault(name, p);
                NDArray g = Gradients.of(p, scope);
                float wd = decays(p) ? (float) weightDecay : 0f;
                JniUtils.adamUpdate((PtNDArray) target, (PtNDArray) g, (PtNDArray) exp.get(name),
                        (PtNDArray) expSq.get(name), (float) lr, lrCorrected, wd, (float) gradScale, -1f,
                        (float) BETA1, (float) BETA2, eps, true);
                if (target != p) {
                    NDArray rounded = target.toType(p.getDataType(), true);
                    rounded.attach(scope);
                    p.muli(0).addi(rounded);
                }
            }
        }
    }

    /** Moments (and fp32 masters) by name: {@code exp_avg.<param>}, {@code exp_avg_sq.<param>}, {@code master.<param>}. */
    Map<String, NDArray> state() {
        Map<String, NDArray> s = new LinkedHashMap<>();
        exp.forEach((k, v) -> s.put("exp_avg." + k, v));
        expSq.forEach((k, v) -> s.put("exp_avg_sq." + k, v));
        master.forEach((k, v) -> s.put("master." + k, v));
        return s;
    }

    /** Restores a saved state: every tensor of {@link #state()} must be present with its shape. */
    void restore(Map<String, NDArray> saved, long savedStep) {
        for (var e : state().entrySet()) {
            NDArray src = saved.get(e.getKey());
            if (src == null || !src.getShape().equals(e.getValue().getShape())) {
                throw new IllegalStateException("optimizer state lacks or mis-shapes " + e.getKey());
            }
            NDArray dst = e.getValue();
            dst.muli(0).addi(src.toDevice(dst.getDevice(), false).toType(DataType.FLOAT32, false));
        }
        this.step = savedStep;
    }

    @Override
    public void close() {
        manager.close();
    }
}
