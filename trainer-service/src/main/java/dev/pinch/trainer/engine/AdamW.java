package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) with first and second moments held here, so a checkpoint can save and restore them
 * (DJL's built-in optimizers keep theirs private). The update equals {@code torch.optim.AdamW}: decoupled decay
 * {@code p ← p − lr·wd·p}, then {@code p ← p − lr · m̂ / (√v̂ + eps)}. Vectors (norm weights, biases) are not
 * decayed. The parameters are updated in flat groups ({@link ParamGroup}: matrices, then vectors, at most
 * {@value #GROUP_ELEMENTS} elements each, which bounds the step's flat copy of the gradients): fp32 groups on the
 * CPU in one pass over host memory ({@link dev.pinch.lm.cpu.HostAdamW}), others by one fused native call (DJL's PyTorch
 * {@code adamUpdate}); both with the bias corrections folded into the learning rate and eps, so that the
 * ε-after-bias-correction form is exact. The saved state keeps one tensor per parameter and moment, by name.
 */
final class AdamW implements AutoCloseable {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.95;
    static final double EPS = 1e-8;
    /** The most elements in one group: 64 Mi, so the step's flat gradient copy stays within 256 MB. */
    static final long GROUP_ELEMENTS = 64L << 20;

    private final NDManager manager;
    private final double weightDecay;
    private final List<ParamGroup> groups = new ArrayList<>();
    private long step;

    AdamW(NDManager parent, Map<String, NDArray> params, double weightDecay) {
        this(parent, params, weightDecay, GROUP_ELEMENTS);
    }

    AdamW(NDManager parent, Map<String, NDArray> params, double weightDecay, long groupElements) {
        this.manager = parent.newSubManager();
        this.weightDecay = weightDecay;
        for (boolean decayed : new boolean[] {true, false}) {
            Map<String, NDArray> run = new LinkedHashMap<>();
            long size = 0;
            for (var e : params.entrySet()) {
                long n = e.getValue().getShape().size();
                if (decays(e.getValue()) != decayed) {
                    continue;
                }
                if (!run.isEmpty() && size + n > groupElements) {
                    groups.add(new ParamGroup(run, decayed, manager));
                    run = new LinkedHashMap<>();
                    size = 0;
                }
                run.put(e.getKey(), e.getValue());
                size += n;
            }
            if (!run.isEmpty()) {
                groups.add(new ParamGroup(run, decayed, manager));
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
     * One update from the accumulated gradients, scaled by {@code gradScale} first (1/micro-batches × the clip
     * factor). Gradients are left as they are; the caller zeroes them.
     */
    void update(double lr, double gradScale) {
        step++;
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = Math.sqrt(1 - Math.pow(BETA2, step));
        float lrCorrected = (float) (lr * c2 / c1);
        float eps = (float) (EPS * c2);
        try (NDManager scope = manager.newSubManager(); var mode = Gradients.recording(false)) {
            for (ParamGroup g : groups) {
                try (NDManager own = scope.newSubManager()) {
                    g.update((float) lr, lrCorrected, eps, (float) weightDecay, (float) gradScale, own);
                }
            }
        }
    }

    /** Moments (and fp32 masters) by name: {@code exp_avg.<param>}, {@code exp_avg_sq.<param>}, {@code master.<param>}. */
    Map<String, NDArray> state() {
        Map<String, NDArray> s = new LinkedHashMap<>();
        groups.forEach(g -> g.state(s));
        return s;
    }

    /** Restores a saved state: every tensor of {@link #state()} must be present with its shape. */
    void restore(Map<String, NDArray> saved, long savedStep) {
        groups.forEach(g -> g.restore(saved));
        this.step = savedStep;
    }

    @Override
    public void close() {
        manager.close();
    }
}
