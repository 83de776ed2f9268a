package dev.pinch.evaluator.jobs;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.LanguageScore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The evaluator's meters: gauge {@code pinch.evaluation.score} per (experiment, mix, language, metric = sxs | task |
 * language; final checkpoints; NaN while SxS waits for its baseline), gauge {@code pinch.generation.tokens.per.second} (the last
 * batch), counter {@code pinch.generation.tokens}, timer {@code pinch.generation.batch}, counters
 * {@code pinch.evaluations.done} and {@code pinch.evaluations.failed}, gauge {@code pinch.evaluator.jobs} per state.
 * Judge latency and errors are recorded by {@code MeteredJudge} ({@code pinch.judge.latency}, {@code pinch.judge.errors}).
 */
@ApplicationScoped
@Startup
public class EvaluatorMetrics {

    private final MeterRegistry registry;
    private final Map<List<String>, AtomicLong> scores = new ConcurrentHashMap<>();
    private final AtomicLong lastTokensPerSecond = new AtomicLong(Double.doubleToLongBits(0));
    private final Counter done;
    private final Counter failed;
    private final Counter tokens;
    private final Timer batches;

    public EvaluatorMetrics(MeterRegistry registry, JobRepository jobs) {
        this.registry = registry;
        this.done = Counter.builder("pinch.evaluations.done").description("Checkpoint evaluations stored").register(registry);
        this.failed = Counter.builder("pinch.evaluations.failed").description("Checkpoint evaluations that failed")
                .register(registry);
        this.tokens = Counter.builder("pinch.generation.tokens").description("New tokens generated").register(registry);
        this.batches = Timer.builder("pinch.generation.batch").description("Time to generate one batch of responses")
                .register(registry);
        Gauge.builder("pinch.generation.tokens.per.second", lastTokensPerSecond,
                        v -> Double.longBitsToDouble(v.get()))
                .description("Generation throughput of the last batch (new tokens per second)").register(registry);
        for (JobState state : JobState.values()) {
            Gauge.builder("pinch.evaluator.jobs", jobs, r -> r.all().stream().filter(j -> j.state() == state).count())
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Evaluation jobs by state").register(registry);
        }
    }

    /** A generated batch. */
    public void batch(long newTokens, Duration elapsed) {
        tokens.increment(newTokens);
        batches.record(elapsed);
        double seconds = elapsed.toNanos() / 1e9;
        lastTokensPerSecond.set(Double.doubleToLongBits(seconds > 0 ? newTokens / seconds : 0));
    }

    /** An evaluation stored: the scores of a final checkpoint become its mix's gauges. */
    public void stored(CheckpointEvaluation e) {
        if (!e.finalCheckpoint()) {
            return;
        }
        for (LanguageScore s : e.scores()) {
            set(e, s.lang(), "sxs", s.sxs() == null ? Double.NaN : s.sxs());
            set(e, s.lang(), "task", s.taskScore());
            set(e, s.lang(), "language", 100 * s.languageRate());
            set(e, s.lang(), "degenerate", s.degenerateRate() == null ? Double.NaN : 100 * s.degenerateRate());
        }
    }

    /** A job finished its first scoring. */
    public void done() {
        done.increment();
    }

    /** A job failed. */
    public void failed() {
        failed.increment();
    }

    private void set(CheckpointEvaluation e, String lang, String metric, double value) {
        List<String> key = List.of(e.experimentId(), e.mixName(), lang, metric);
        AtomicLong holder = scores.computeIfAbsent(key, k -> {
            AtomicLong h = new AtomicLong();
            Gauge.builder("pinch.evaluation.score", h, v -> Double.longBitsToDouble(v.get()))
                    .tags("experiment", k.get(0), "mix", k.get(1), "language", k.get(2), "metric", k.get(3))
                    .description("Score of a mix's final checkpoint in one language")
                    .register(registry);
            return h;
        });
        holder.set(Double.doubleToLongBits(value));
    }
}
