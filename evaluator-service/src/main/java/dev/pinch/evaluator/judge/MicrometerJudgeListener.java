package dev.pinch.evaluator.judge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Records judge calls in Micrometer: timer {@code pinch.judge.latency} (tags {@code judge}, {@code outcome} =
 * ok | error) and counter {@code pinch.judge.errors} (tags {@code judge}, {@code error} = exception class).
 */
public final class MicrometerJudgeListener implements JudgeListener {

    /** Latency timer name. */
    public static final String LATENCY = "pinch.judge.latency";
    /** Error counter name. */
    public static final String ERRORS = "pinch.judge.errors";

    private final MeterRegistry registry;

    /** A listener recording into {@code registry}. */
    public MicrometerJudgeListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onVerdict(String judgeId, Duration latency, Verdict verdict) {
        timer(judgeId, "ok").record(latency);
    }

    @Override
    public void onError(String judgeId, Duration latency, RuntimeException error) {
        timer(judgeId, "error").record(latency);
        Counter.builder(ERRORS).description("Judge calls that failed").tag("judge", judgeId)
                .tag("error", error.getClass().getSimpleName()).register(registry).increment();
    }

    private Timer timer(String judgeId, String outcome) {
        return Timer.builder(LATENCY).description("Latency of one pairwise judge call")
                .tag("judge", judgeId).tag("outcome", outcome).register(registry);
    }
}
