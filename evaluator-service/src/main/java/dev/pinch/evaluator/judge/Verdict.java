package dev.pinch.evaluator.judge;

import java.util.Objects;
import java.util.Optional;

/**
 * A judge's answer to one {@link JudgeRequest}: response A is better, response B is better, or a tie, with an
 * optional rationale (for example the LLM's raw answer or the reference judge's reason).
 *
 * @param choice    the preferred position
 * @param rationale why, or null
 */
public record Verdict(Choice choice, String rationale) {

    /** Which position the judge prefers. */
    public enum Choice { A, B, TIE }

    /** Requires a choice. */
    public Verdict {
        Objects.requireNonNull(choice, "choice");
    }

    /** A verdict without rationale. */
    public static Verdict of(Choice choice) {
        return new Verdict(choice, null);
    }

    /** A verdict with a rationale. */
    public static Verdict of(Choice choice, String rationale) {
        return new Verdict(choice, rationale);
    }

    /** The rationale, if any. */
    public Optional<String> explanation() {
        return Optional.ofNullable(rationale);
    }
}
