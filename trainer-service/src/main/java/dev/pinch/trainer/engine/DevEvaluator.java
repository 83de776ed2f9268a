package dev.pinch.trainer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.pinch.lm.MaskedLmLoss;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The held-out loss: mean NLL over all target tokens of the dev sequences, without gradients. */
final class DevEvaluator {

    private final List<TokenSequence> dev;
    private final int[] byLength;
    private final int batchSize;
    private final int padId;

    DevEvaluator(List<TokenSequence> dev, int batchSize, int padId) {
        this.dev = dev;
        this.byLength = IntStream.range(0, dev.size()).boxed()
                .sorted(Comparator.comparingInt(i -> dev.get(i).length())).mapToInt(i -> i).toArray();
        this.batchSize = batchSize;
        this.padId = padId;
    }

    boolean isEmpty() {
        return dev.isEmpty();
    }

    /** Mean dev loss, or NaN without dev data. */
    double loss(CausalLm model) {
        if (dev.isEmpty()) {
            return Double.NaN;
        }
        double nll = 0;
        long targets = 0;
        try (var mode = Gradients.recording(false)) {
            for (int from = 0; from < byLength.length; from += batchSize) {
                int[] batch = java.util.Arrays.copyOfRange(byLength, from, Math.min(byLength.length, from + batchSize));
                MicroBatch mb = MicroBatch.of(dev, batch, padId);
                try (NDManager scope = model.manager().newSubManager(model.device())) {
                    NDArray ids = mb.idsArray(scope);
                    nll += MaskedLmLoss.nllSum(model.forward(ids), ids, mb.targetsArray(scope)).getFloat();
                }
                targets += mb.targetTokens();
            }
        }
        return nll / Math.max(1, targets);
    }
}
