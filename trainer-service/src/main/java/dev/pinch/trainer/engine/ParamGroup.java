package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.pinch.lm.cpu.HostAdamW;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters that {@link AdamW} updates as one flat fp32 tensor: one native update per group instead of one per
 * parameter (the 1M bench model's update took 15 ms per step as 38 calls). The group's {@link #master} holds the
 * parameters' values end to end, and its two moments have the same layout.
 *
 * <p>When every parameter of the group is fp32, each parameter becomes a view of its slice of the master (its
 * native handle is swapped for the view's, so the model's own array objects see it), and updating the master
 * updates the model in place. Otherwise (fp16 parameters on a GPU) the master is an fp32 copy, and each
 * parameter receives its rounded slice after the update ({@link #copyBack}).
 */
final class ParamGroup {

    final boolean decayed;
    final NDArray master;
    final NDArray exp;
    final NDArray expSq;
    private final Map<String, NDArray> params;
    private final boolean shared;
    private final boolean host; // fp32 on the CPU: updated in host memory
    private final Map<String, NDArray[]> views = new LinkedHashMap<>(); // name -> {exp, expSq, master}

    ParamGroup(Map<String, NDArray> params, boolean decayed, NDManager manager) {
        this.decayed = decayed;
        this.params = params;
        this.shared = params.values().stream().allMatch(p -> p.getDataType() == DataType.FLOAT32);
        try (NDManager scope = manager.newSubManager(); var mode = Gradients.recording(false)) {
            NDList flat = new NDList();
            for (NDArray p : params.values()) {
                NDArray copy = p.toType(DataType.FLOAT32, true);
                copy.attach(scope);
                flat.add(copy.reshape(-1));
            }
            master = flat.size() == 1 ? flat.head() : NDArrays.concat(flat);
            master.attach(manager);
        }
        exp = manager.zeros(master.getShape(), DataType.FLOAT32, master.getDevice());
        expSq = manager.zeros(master.getShape(), DataType.FLOAT32, master.getDevice());
        host = shared && !master.getDevice().isGpu();
        long offset = 0;
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray p = e.getValue();
            long n = p.getShape().size();
            views.put(e.getKey(), new NDArray[] {view(exp, offset, n, p, manager), view(expSq, offset, n, p, manager),
                view(master, offset, n, p, manager)});
            if (shared) {
                boolean trained = p.hasGradient();
                // detached: the parameter shares the master's storage but is its own autograd leaf (libtorch refuses
                // autograd through a view made in no-grad mode once its base changed in place, as each update does)
                try (var mode = Gradients.recording(false)) {
                    NDArray v = view(master, offset, n, p, null);
                    NDArray d = v.stopGradient();
                    v.close();
                    ((PtNDArray) p).intern(d);
                }
                if (trained) {
                    p.setRequiresGradient(true);
                }
            }
            offset += n;
        }
    }

    /**
     * One AdamW update of the group from its parameters' gradients: in one pass over host memory
     * ({@link HostAdamW}) for fp32 on the CPU, else by libtorch's {@code adamUpdate} on the flat gradients.
     */
    void update(float lr, float lrCorrected, float eps, float weightDecay, float gradScale, NDManager scope) {
        float wd = decayed ? weightDecay : 0f;
        if (!host) {
            JniUtils.adamUpdate((PtNDArray) master, (PtNDArray) gradients(scope), (PtNDArray) exp, (PtNDArray) expSq,
                    lr, lrCorrected, wd, gradScale, -1f, (float) AdamW.BETA1, (float) AdamW.BETA2, eps, true);
            copyBack(scope);
            return;
        }
        List<NDArray> grads = params.values().stream().map(p -> Gradients.of(p, scope)).toList();
        HostAdamW.update(master, exp, expSq, grads, 1 - lr * wd, gradScale, (float) AdamW.BETA1, (float) AdamW.BETA2,
                lrCorrected, eps);
    }

    /** The group's gradients end to end, in {@code scope}. */
    private NDArray gradients(NDManager scope) {
        NDList flat = new NDList();
        for (NDArray p : params.values()) {
            NDArray g = Gradients.of(p, scope);
            flat.add(g.getShape().dimension() == 1 ? g : g.reshape(-1));
        }
        NDArray all = flat.size() == 1 ? flat.head() : NDArrays.concat(flat);
        all.attach(scope);
        return all;
    }

    /** Parameters that are not views of the master receive their updated, rounded values. */
    private void copyBack(NDManager scope) {
        if (shared) {
            return;
        }
        params.forEach((name, p) -> {
            NDArray rounded = views.get(name)[2].toType(p.getDataType(), true);
            rounded.attach(scope);
            p.muli(0).addi(rounded);
        });
    }

    /** Adds this group's moments (and the fp32 masters of parameters that are not fp32) to {@code state}. */
    void state(Map<String, NDArray> state) {
        views.forEach((name, v) -> {
            state.put("exp_avg." + name, v[0]);
            state.put("exp_avg_sq." + name, v[1]);
            if (params.get(name).getDataType() != DataType.FLOAT32) {
                state.put("master." + name, v[2]);
            }
        });
    }

    /**
     * Restores a saved state ({@link #state}'s names): every tensor must be present with its shape. A master that
     * was not saved (an fp32 parameter) is the parameter itself, as the group was built from the loaded weights.
     */
    void restore(Map<String, NDArray> saved) {
        Map<String, NDArray> mine = new LinkedHashMap<>();
        state(mine);
        for (var e : mine.entrySet()) {
            NDArray src = saved.get(e.getKey());
            if (src == null || !src.getShape().equals(e.getValue().getShape())) {
                throw new IllegalStateException("optimizer state lacks or mis-shapes " + e.getKey());
            }
            NDArray dst = e.getValue();
            dst.muli(0).addi(src.toDevice(dst.getDevice(), false).toType(DataType.FLOAT32, false));
        }
    }

    /** A view of {@code flat[offset, offset + n)} shaped like {@code like}, attached to {@code into} (or to none). */
    private static NDArray view(NDArray flat, long offset, long n, NDArray like, NDManager into) {
        NDArray v = flat.get(new NDIndex().addSliceDim(offset, offset + n)).reshape(like.getShape());
        if (into != null) {
            v.attach(into);
        }
        return v;
    }
}
