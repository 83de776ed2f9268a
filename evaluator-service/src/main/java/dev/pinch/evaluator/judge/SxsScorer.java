package dev.pinch.evaluator.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The paper's side-by-side (SxS) score: each prompt is judged twice, with the candidate's and the baseline's
 * responses in swapped positions. The candidate wins a prompt only if it is preferred in both orders, loses only
 * if the baseline is preferred in both, and ties otherwise; wins score 1, ties 0.5, losses 0, and the mean over
 * prompts is shown as a percentage. A judge that always prefers position A therefore scores exactly 50.
 */
public final class SxsScorer {

    private final int parallelism;

    /** Judges one prompt at a time. */
    public SxsScorer() {
        this(1);
    }

    /** Judges up to {@code parallelism} prompts at once (each prompt's two orders run one after the other). */
    public SxsScorer(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** The outcome for the candidate given the verdict with it in position A and the one with it in position B. */
    public static SxsOutcome outcome(Verdict candidateFirst, Verdict baselineFirst) {
        boolean preferredFirst = candidateFirst.choice() == Verdict.Choice.A;
        boolean preferredSecond = baselineFirst.choice() == Verdict.Choice.B;
        boolean rejectedFirst = candidateFirst.choice() == Verdict.Choice.B;
        boolean rejectedSecond = baselineFirst.choice() == Verdict.Choice.A;
        if (preferredFirst && preferredSecond) {
            return SxsOutcome.WIN;
        }
        return rejectedFirst && rejectedSecond ? SxsOutcome.LOSS : SxsOutcome.TIE;
    }

    /**
     * Counts outcomes and averages their points.
     *
     * @throws IllegalArgumentException for no judgements (a score over no prompts is undefined)
     */
    public static SxsResult aggregate(List<SxsJudgement> judgements) {
        if (judgements.isEmpty()) {
            throw new IllegalArgumentException("no prompts to score");
        }
        int wins = 0;
        int ties = 0;
        double points = 0;
        for (SxsJudgement j : judgements) {
            wins += j.outcome() == SxsOutcome.WIN ? 1 : 0;
            ties += j.outcome() == SxsOutcome.TIE ? 1 : 0;
            points += j.outcome().points();
        }
        int losses = judgements.size() - wins - ties;
        return new SxsResult(judgements, wins, ties, losses, 100.0 * points / judgements.size());
    }

    /** Judges one prompt in both orders. */
    public SxsJudgement judge(Judge judge, SxsPrompt p) {
        JudgeRequest candidateFirst = new JudgeRequest(p.lang(), p.task(), p.instruction(), p.reference(),
                p.candidate(), p.baseline());
        Verdict first = judge.compare(candidateFirst);
        Verdict second = judge.compare(candidateFirst.swapped());
        return new SxsJudgement(p.id(), first, second, outcome(first, second));
    }

    /**
     * Judges every prompt in both orders and aggregates.
     *
     * @throws JudgeException from the first prompt the judge failed on
     */
    public SxsResult score(Judge judge, List<SxsPrompt> prompts) {
        if (parallelism == 1 || prompts.size() < 2) {
            return aggregate(prompts.stream().map(p -> judge(judge, p)).toList());
        }
        Semaphore permits = new Semaphore(parallelism);
        List<Future<SxsJudgement>> futures = new ArrayList<>(prompts.size());
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (SxsPrompt p : prompts) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return judge(judge, p);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<SxsJudgement> judgements = new ArrayList<>(prompts.size());
            for (Future<SxsJudgement> f : futures) {
                judgements.add(f.get());
            }
            return aggregate(judgements);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeException("interrupted while judging", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new JudgeException("judging failed", e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }
}
