package dev.pinch.trainer.service;

import dev.pinch.trainer.domain.Run;
import dev.pinch.trainer.domain.RunProgress;
import dev.pinch.trainer.domain.RunState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Training metrics, on {@code /q/metrics}: per running run {@code pinch_training_tokens_per_second{run}} and
 * {@code pinch_training_loss{run}} (kept {@link #KEEP_STOPPED} after the run stops, so that scrapes see its final
 * values, then removed), {@code pinch_training_step_seconds} (a timer fed
 * with each report's mean step time), {@code pinch_trainer_runs{state=queued|active|completed|failed|cancelled}},
 * and the device memory gauges of {@link DeviceMemory}.
 */
@Startup
@ApplicationScoped
public class TrainerMetrics {

    /** How long a stopped run's gauges stay: a few Prometheus scrape intervals. */
    static final Duration KEEP_STOPPED = Duration.ofMinutes(5);

    private final MeterRegistry registry;
    private final RunRepository runs;
    private final Map<String, List<Gauge>> gauges = new ConcurrentHashMap<>();
    private final Map<String, double[]> values = new ConcurrentHashMap<>();
    private final Map<String, Instant> stoppedAt = new ConcurrentHashMap<>();
    private final AtomicBoolean gpuGauges = new AtomicBoolean();
    private Timer stepTime;

    public TrainerMetrics(MeterRegistry registry, RunRepository runs) {
        this.registry = registry;
        this.runs = runs;
    }

    @PostConstruct
    void register() {
        stepTime = Timer.builder("pinch.training.step").description("Wall time of one optimizer step")
                .register(registry);
        runsIn("queued", r -> r.state() == RunState.QUEUED);
        runsIn("active", r -> r.state() == RunState.RUNNING);
        runsIn("completed", r -> r.state() == RunState.DONE);
        runsIn("failed", r -> r.state() == RunState.FAILED);
        runsIn("cancelled", r -> r.state() == RunState.CANCELLED);
        DeviceMemory.register(registry);
    }

    private void runsIn(String state, Predicate<Run> filter) {
        Gauge.builder("pinch.trainer.runs", runs, repo -> repo.snapshot().stream().filter(filter).count())
                .description("Training runs by state").tag("state", state).register(registry);
    }

    void started(String runId) {
        stoppedAt.remove(runId);
        removeStoppedBefore(Instant.now().minus(KEEP_STOPPED));
        if (gpuGauges.compareAndSet(false, true)) {
            DeviceMemory.registerGpus(registry);
        }
        double[] v = values.computeIfAbsent(runId, id -> new double[] {Double.NaN, Double.NaN});
        gauges.computeIfAbsent(runId, id -> List.of(
                Gauge.builder("pinch.training.tokens.per.second", v, a -> a[0]).tag("run", id)
                        .description("Training throughput of a run (kept 5 minutes after it stops)").register(registry),
                Gauge.builder("pinch.training.loss", v, a -> a[1]).tag("run", id)
                        .description("Latest training loss of a run (kept 5 minutes after it stops)").register(registry)));
    }

    void progress(String runId, RunProgress p) {
        double[] v = values.get(runId);
        if (v != null) {
            v[0] = p.tokensPerSecond();
            v[1] = p.loss();
        }
        if (p.stepMillis() > 0 && Double.isFinite(p.stepMillis())) {
            stepTime.record(Duration.ofNanos((long) (p.stepMillis() * 1_000_000)));
        }
    }

    void stopped(String runId) {
        stoppedAt.put(runId, Instant.now());
        removeStoppedBefore(Instant.now().minus(KEEP_STOPPED));
    }

    /** Removes the gauges of runs that stopped before {@code cutoff}. */
    void removeStoppedBefore(Instant cutoff) {
        stoppedAt.entrySet().removeIf(e -> {
            if (!e.getValue().isBefore(cutoff)) {
                return false;
            }
            List<Gauge> removed = gauges.remove(e.getKey());
            if (removed != null) {
                removed.forEach(registry::remove);
            }
            values.remove(e.getKey());
            return true;
        });
    }
}
