package dev.pinch.evaluator.judge;

/** The side-by-side outcome of one prompt for the candidate model: win (1 point), tie (0.5) or loss (0). */
public enum SxsOutcome {
    /** Preferred in both orders. */
    WIN(1.0),
    /** The two orders disagree, or the judge called a tie. */
    TIE(0.5),
    /** The baseline was preferred in both orders. */
    LOSS(0.0);

    private final double points;

    SxsOutcome(double points) {
        this.points = points;
    }

    /** The points this outcome scores. */
    public double points() {
        return points;
    }
}
