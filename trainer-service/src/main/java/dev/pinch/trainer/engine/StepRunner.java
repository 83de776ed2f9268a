package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.LinkedHashMap;

/**
 * One optimizer step: forward and backward over up to {@code gradAccumulation} micro-batches (each a
 * masked mean; their gradients averaged), global gradient-norm clipping, one AdamW update, gradients
 * zeroed. All intermediate arrays live in a per-step sub-manager that is closed at the end of the step.
 */
final class StepRunner {

    /** What one step did, and the cursor after it. */
    record Result(DataCursor next, double nllSum, long targets, long tokens, long positions, int microBatches,
            double gradNorm) {

        double loss() {
            return nllSum / Math.max(1, targets);
        }
    }

    private final CausalLm model;
    private final AdamW optimizer;
    private final BatchPlan plan;
    private final int padId;
    private final double gradClip;
    private final LinkedHashMap<String, NDArray> params;

    StepRunner(CausalLm model, AdamW optimizer, BatchPlan plan, int padId, double gradClip) {
        this.model = model;
        this.optimizer = optimizer;
        this.plan = plan;
        this.padId = padId;
        this.gradClip = gradClip;
        this.params = model.parameters();
    }

    /** Runs a step over {@code micro} micro-batches starting at {@code cursor}, at learning rate {@code lr}. */
    Result run(DataCursor cursor, int micro, double lr) {
        double nll = 0;
        long targets = 0;
        long tokens = 0;
        long positions = 0;
        double norm;
        try (NDManager step = model.manager().newSubManager(model.device())) {
            for (int k = 0; k < micro; k++) {
                MicroBatch mb = MicroBatch.of(plan.sequences(), plan.at(cursor), padId);
                cursor = cursor.advance(plan.batchesPerEpoch());
                try (var mode = Gradients.recording(true)) {
                    NDArray ids = mb.idsArray(step);
                    NDArray logits = model.forward(ids);
                    NDArray sum = MaskedLmLoss.nllSum(logits, ids, mb.targetsArray(step));
                    NDArray loss = sum.div(Math.max(1, mb.targetTokens()));
                    Gradients.backward(loss);
                    nll += sum.getFloat();
                }
                targets += mb.targetTokens();
                tokens += mb.realTokens();
                positions += mb.positions();
            }
            norm = Gradients.globalNorm(params, step) / micro;
            double clip = gradClip > 0 && norm > gradClip ? gradClip / (norm + 1e-6) : 1.0;
            optimizer.update(params, lr, clip / micro);
            Gradients.zero(params);
        }
        return new Result(cursor, nll, targets, tokens, positions, micro, norm);
    }
}
