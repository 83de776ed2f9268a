package dev.pinch.evaluator.judge;

import java.time.Duration;

/** Observes judge calls (latency, errors); see {@link MeteredJudge} and {@link MicrometerJudgeListener}. */
public interface JudgeListener {

    /** A listener that does nothing. */
    JudgeListener NONE = new JudgeListener() {
    };

    /** A call returned {@code verdict} after {@code latency}. */
    default void onVerdict(String judgeId, Duration latency, Verdict verdict) {
    }

    /** A call failed with {@code error} after {@code latency}. */
    default void onError(String judgeId, Duration latency, RuntimeException error) {
    }
}
