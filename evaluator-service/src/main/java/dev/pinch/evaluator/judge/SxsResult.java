package dev.pinch.evaluator.judge;

import java.util.List;

/**
 * A side-by-side score over prompts.
 *
 * @param judgements per-prompt verdicts and outcomes, in prompt order
 * @param wins       prompts won
 * @param ties       prompts tied
 * @param losses     prompts lost
 * @param percentage mean points (win 1, tie 0.5, loss 0) × 100; 50 means "as good as the baseline"
 */
public record SxsResult(List<SxsJudgement> judgements, int wins, int ties, int losses, double percentage) {

    /** Copies the list. */
    public SxsResult {
        judgements = List.copyOf(judgements);
    }

    /** Number of prompts. */
    public int prompts() {
        return judgements.size();
    }
}
