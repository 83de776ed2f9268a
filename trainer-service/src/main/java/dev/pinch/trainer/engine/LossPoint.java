package dev.pinch.trainer.engine;

/**
 * One point of a run's loss curve, recorded at every progress report.
 *
 * @param step    optimizer steps done
 * @param loss    mean training loss (over target tokens) since the previous point
 * @param devLoss held-out loss at this step, or null when not evaluated here
 * @param lr      learning rate of the last step
 */
public record LossPoint(long step, double loss, Double devLoss, double lr) {
}
