package dev.pinch.trainer.engine;

import dev.pinch.events.settings.TrainingSettings;

/**
 * Linear warmup, then cosine decay to {@code minLrRatio × peak}.
 *
 * <p>Step {@code s} (0-based: the optimizer step about to be taken) gets {@code peak × (s + 1) / warmup}
 * while {@code s < warmup}, so the first step already moves the weights; afterwards the rate follows
 * {@code min + (peak − min) × ½ (1 + cos(π p))} with {@code p = (s − warmup) / max(1, total − warmup − 1)},
 * clamped to [0, 1]: the last step runs at exactly {@code min}. The schedule is a pure function of the
 * step, so the scheduler state a checkpoint needs is just that step.
 *
 * @param peak       peak learning rate
 * @param warmup     warmup steps (0 disables warmup)
 * @param total      total optimizer steps of the run
 * @param minLrRatio final rate as a share of the peak
 */
record LrSchedule(double peak, long warmup, long total, double minLrRatio) {

    static LrSchedule of(TrainingSettings settings, long totalSteps) {
        return new LrSchedule(settings.learningRate(), settings.warmupSteps(), totalSteps, settings.minLrRatio());
    }

    /** The learning rate of optimizer step {@code step} (0-based). */
    double at(long step) {
        if (step < warmup) {
            return peak * (step + 1) / warmup;
        }
        double min = peak * minLrRatio;
        double span = Math.max(1, total - warmup - 1);
        double p = Math.min(1.0, Math.max(0.0, (step - warmup) / span));
        return min + (peak - min) * 0.5 * (1 + Math.cos(Math.PI * p));
    }
}
