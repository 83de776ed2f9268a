package dev.pinch.trainer.engine;

import dev.pinch.events.settings.TrainingSettings;

/**
 * Linear warmup, then cosine decay to {@code minLrRatio × peak}; optionally after a lead phase of its own.
 *
 * <p>Step {@code s} (0-based: the optimizer step about to be taken) gets {@code peak × (s + 1) / warmup}
 * while {@code s < warmup}, so the first step already moves the weights; afterwards the rate follows
 * {@code min + (peak − min) × ½ (1 + cos(π p))} with {@code p = (s − warmup) / max(1, total − warmup − 1)},
 * clamped to [0, 1]: the last step runs at exactly {@code min}. With a lead ({@link Lead}: the built-in recipe's copy
 * drills), its steps run at the lead's own rate after the same linear warmup, and the schedule above then starts
 * afresh, warmup included, over the remaining steps. The schedule is a pure function of the step, so the scheduler
 * state a checkpoint needs is just that step.
 *
 * @param peak       peak learning rate
 * @param warmup     warmup steps (0 disables warmup)
 * @param total      total optimizer steps of the run, the lead's included
 * @param minLrRatio final rate as a share of the peak
 * @param lead       the lead phase ({@link Lead#NONE} for none)
 */
record LrSchedule(double peak, long warmup, long total, double minLrRatio, Lead lead) {

    /**
     * A lead phase: the first {@code steps} steps at a constant {@code learningRate} (after warmup).
     *
     * @param steps        steps of the lead (0: none)
     * @param learningRate its rate
     */
    record Lead(long steps, double learningRate) {
        static final Lead NONE = new Lead(0, 0);
    }

    LrSchedule(double peak, long warmup, long total, double minLrRatio) {
        this(peak, warmup, total, minLrRatio, Lead.NONE);
    }

    static LrSchedule of(TrainingSettings settings, long totalSteps, Lead lead) {
        return new LrSchedule(settings.learningRate(), settings.warmupSteps(), totalSteps, settings.minLrRatio(), lead);
    }

    /** The learning rate of optimizer step {@code step} (0-based). */
    double at(long step) {
        if (step < lead.steps()) {
            return warmedUp(lead.learningRate(), step);
        }
        long s = step - lead.steps();
        if (s < warmup) {
            return warmedUp(peak, s);
        }
        double min = peak * minLrRatio;
        double span = Math.max(1, total - lead.steps() - warmup - 1);
        double p = Math.min(1.0, Math.max(0.0, (s - warmup) / span));
        return min + (peak - min) * 0.5 * (1 + Math.cos(Math.PI * p));
    }

    private double warmedUp(double rate, long s) {
        return s < warmup ? rate * (s + 1) / warmup : rate;
    }
}
