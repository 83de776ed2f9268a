package dev.pinch.trainer.engine;

import dev.pinch.trainer.domain.LossPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Running figures of a run: the loss curve (continued across resumes), cumulative tokens and padding, and
 * a window since the last progress report for mean loss, tokens/s and step time, and the steps skipped for a
 * non-finite loss or gradient norm (their loss stays out of the curve; their tokens were not trained on).
 */
final class RunMeter {

    private final List<LossPoint> history;
    private long tokens;
    private long positions;
    private double windowNll;
    private double windowTargets;
    private long windowTokens;
    private long windowNanos;
    private int windowSteps;
    private double lastLoss = Double.NaN;
    private double lastLr;
    private long skippedSteps;

    RunMeter(List<LossPoint> history, long tokens, long positions, long skippedSteps) {
        this.history = new ArrayList<>(history);
        this.tokens = tokens;
        this.positions = positions;
        this.skippedSteps = skippedSteps;
    }

    void record(StepRunner.Result r, long nanos, double lr) {
        windowNanos += nanos;
        windowSteps++;
        lastLr = lr;
        if (r.skipped()) {
            skippedSteps++;
            return;
        }
        tokens += r.tokens();
        positions += r.positions();
        windowNll += r.nllSum();
        windowTargets += r.lossUnits();
        windowTokens += r.tokens();
    }

    /** Closes the window: appends a loss point and returns the progress report. */
    TrainingCallbacks.Progress report(long step, long totalSteps, int epoch, double devLoss) {
        double loss = windowTargets == 0 ? lastLoss : windowNll / windowTargets;
        double seconds = windowNanos / 1e9;
        double tokensPerSecond = seconds > 0 ? windowTokens / seconds : 0;
        double stepMillis = windowSteps == 0 ? 0 : windowNanos / 1e6 / windowSteps;
        history.add(new LossPoint(step, loss, Double.isNaN(devLoss) ? null : devLoss, lastLr));
        lastLoss = loss;
        windowNll = 0;
        windowTargets = 0;
        windowTokens = 0;
        windowNanos = 0;
        windowSteps = 0;
        return new TrainingCallbacks.Progress(step, totalSteps, epoch, loss, devLoss, tokensPerSecond, lastLr,
                stepMillis, paddingFraction(), skippedSteps);
    }

    double lastLoss() {
        return lastLoss;
    }

    List<LossPoint> history() {
        return List.copyOf(history);
    }

    long skippedSteps() {
        return skippedSteps;
    }

    long tokens() {
        return tokens;
    }

    long positions() {
        return positions;
    }

    double paddingFraction() {
        return positions == 0 ? 0 : (positions - tokens) / (double) positions;
    }
}
