package dev.pinch.evaluator.judge;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** A judge that reports each call's latency and failures to a {@link JudgeListener}. */
public final class MeteredJudge implements Judge {

    private final Judge delegate;
    private final JudgeListener listener;

    /** Wraps {@code delegate}, reporting to {@code listener}. */
    public MeteredJudge(Judge delegate, JudgeListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    /** Wraps {@code delegate}, recording {@code pinch.judge.latency} and {@code pinch.judge.errors} in {@code registry}. */
    public MeteredJudge(Judge delegate, MeterRegistry registry) {
        this(delegate, new MicrometerJudgeListener(registry));
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public Verdict compare(JudgeRequest request) {
        long start = System.nanoTime();
        try {
            Verdict verdict = delegate.compare(request);
            listener.onVerdict(id(), Duration.ofNanos(System.nanoTime() - start), verdict);
            return verdict;
        } catch (RuntimeException e) {
            listener.onError(id(), Duration.ofNanos(System.nanoTime() - start), e);
            throw e;
        }
    }
}
