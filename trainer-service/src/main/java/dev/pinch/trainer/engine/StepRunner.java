package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.pinch.events.settings.LossAverage;
import dev.pinch.lm.MaskedLmLoss;
import dev.pinch.lm.TargetLoss;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One optimizer step: forward and backward over up to {@code gradAccumulation} micro-batches (each a masked
 * mean over its target tokens or over its examples, see {@link MicroBatch}; their gradients averaged), global
 * gradient-norm clipping, one AdamW update, gradients zeroed. Each micro-batch's arrays live in a sub-manager
 * closed when its backward is done; the rest of the step's arrays in a per-step sub-manager closed at the end of
 * the step.
 *
 * <p>A step whose loss or global gradient norm is not finite is skipped: no update (weights, moments and
 * AdamW's step stay as they were), gradients zeroed, and the result names the batch's examples.
 */
final class StepRunner {

    /**
     * What one step did, and the cursor after it.
     *
     * @param nllSum    the loss summed over the step's loss units (each micro-batch's mean × its units)
     * @param lossUnits target tokens ({@code token}) or examples with a target ({@code example})
     * @param skipped  the loss or gradient norm was not finite, so the optimizer did not update
     * @param examples the step's examples (ids, or {@code #index}), filled in only for a skipped step
     */
    record Result(DataCursor next, double nllSum, double lossUnits, long targets, long tokens, long positions,
            int microBatches, double gradNorm, boolean skipped, List<String> examples) {

        /** The mean loss over the step's loss units: target tokens, or examples ({@link MicroBatch#lossUnits}). */
        double loss() {
            return nllSum / Math.max(1, lossUnits);
        }
    }

    private final CausalLm model;
    private final AdamW optimizer;
    private final BatchPlan plan;
    private final int padId;
    private final double gradClip;
    private final LinkedHashMap<String, NDArray> params;
    private final boolean checkpointing;
    private final long seed;
    private final LossAverage average;

    StepRunner(CausalLm model, AdamW optimizer, BatchPlan plan, int padId, double gradClip) {
        this(model, optimizer, plan, padId, gradClip, false, 0, LossAverage.TOKEN);
    }

    /**
     * @param checkpointing recompute each decoder layer's forward during backward
     * @param seed the run's seed, which with each micro-batch's data position seeds its dropout masks
     * @param average how each micro-batch's loss averages over its targets
     */
    StepRunner(CausalLm model, AdamW optimizer, BatchPlan plan, int padId, double gradClip, boolean checkpointing,
            long seed, LossAverage average) {
        this.checkpointing = checkpointing;
        this.average = average;
        this.seed = seed;
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
        double units = 0;
        long targets = 0;
        long tokens = 0;
        long positions = 0;
        double norm;
        List<int[]> batches = new ArrayList<>(micro);
        try (NDManager step = model.manager().newSubManager(model.device())) {
            for (int k = 0; k < micro; k++) {
                int[] indices = plan.at(cursor);
                batches.add(indices);
                MicroBatch mb = MicroBatch.of(plan.sequences(), indices, padId, average);
                model.dropoutSeed(seed * 1_000_003L + plan.ordinal(cursor));
                cursor = plan.next(cursor);
                double sum = backward(model, mb, step, checkpointing);
                nll += mb.lossUnits() == mb.targetTokens() ? sum
                        : sum * mb.lossUnits() / Math.max(1, mb.targetTokens());
                units += mb.lossUnits();
                targets += mb.targetTokens();
                tokens += mb.realTokens();
                positions += mb.positions();
            }
            norm = Gradients.globalNorm(params, step) / micro;
            boolean finite = Double.isFinite(nll) && Double.isFinite(norm);
            if (finite) {
                double clip = gradClip > 0 && norm > gradClip ? gradClip / (norm + 1e-6) : 1.0;
                optimizer.update(lr, clip / micro);
            }
            Gradients.zero(params);
            List<String> examples = finite ? List.of() : examples(batches);
            return new Result(cursor, nll, units, targets, tokens, positions, micro, norm, !finite, examples);
        }
    }

    /**
     * Forward and backward of one micro-batch (its masked mean NLL) in a manager of its own, closed before the next
     * micro-batch starts. When fewer than 90% of positions are targets (SFT, where the prompt is not), the model runs
     * its head at the targets' positions only ({@link TargetLoss}); otherwise (pretraining windows) over every
     * position, a run of positions at a time, so a large vocabulary's logits never exist for the whole micro-batch.
     * With {@code gradientCheckpointing} the model recomputes each decoder layer's forward during backward. Returns
     * the micro-batch's loss summed over its targets, as weighted ({@link MicroBatch}), and leaves its gradients,
     * before clipping and the update, in the model's parameters.
     */
    static double backward(CausalLm model, MicroBatch mb, NDManager step, boolean checkpointing) {
        try (NDManager own = step.newSubManager()) {
            NDArray ids = mb.idsArray(own);
            float scale = (float) (1.0 / Math.max(1, mb.targetTokens()));
            if (mb.targetTokens() * 10L < mb.positions() * 9L) {
                return model.backward(ids, TargetLoss.of(mb.ids(), mb.targets(), mb.rows(), mb.cols()), scale,
                        checkpointing);
            }
            NDArray targets = mb.targetsArray(own);
            return model.backward(ids, (logits, from) -> MaskedLmLoss.nllSum(logits, ids, targets, from), scale,
                    checkpointing);
        }
    }

    private List<String> examples(List<int[]> batches) {
        List<String> out = new ArrayList<>();
        for (int[] batch : batches) {
            for (int i : batch) {
                String source = plan.sequences().get(i).source();
                out.add(source != null ? source : "#" + i);
            }
        }
        return List.copyOf(out);
    }
}
