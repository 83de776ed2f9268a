package dev.pinch.trainer.domain;

/**
 * One point of a run's loss curve, recorded at every progress report: in the run's record (and its REST view) and
 * in each checkpoint's {@code trainer_state.json}.
 *
 * @param step    optimizer steps done
 * @param loss    mean training loss (over target tokens) since the previous point
 * @param devLoss held-out loss at this step, or null when not evaluated here
 * @param lr      learning rate of the last step; null in runs recorded before it was kept
 */
public record LossPoint(long step, double loss, Double devLoss, Double lr) {
}
