package dev.pinch.trainer.domain;

/**
 * The latest progress report of a run.
 *
 * @param step            optimizer steps done
 * @param totalSteps      optimizer steps the run will make
 * @param loss            training loss (mean over the last reporting window)
 * @param devLoss         held-out loss at this step, or null when it was not evaluated at this step
 * @param tokensPerSecond training throughput
 * @param learningRate    learning rate at this step
 * @param stepMillis      mean wall time of one optimizer step
 * @param paddingFraction share of padded positions in the batches so far
 */
public record RunProgress(long step, long totalSteps, int epoch, double loss, Double devLoss, double tokensPerSecond,
        double learningRate, double stepMillis, double paddingFraction) {
}
