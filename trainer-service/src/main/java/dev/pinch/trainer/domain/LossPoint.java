package dev.pinch.trainer.domain;

/** One point of a run's loss curve; {@code devLoss} is null where the dev loss was not evaluated. */
public record LossPoint(long step, double loss, Double devLoss) {
}
