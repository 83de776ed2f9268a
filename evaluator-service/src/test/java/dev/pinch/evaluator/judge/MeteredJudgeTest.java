package dev.pinch.evaluator.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MeteredJudgeTest {

    private static final JudgeRequest REQ = new JudgeRequest("fi", "topic", "i", "r", "a", "b");

    @Test
    void recordsLatencyAndErrorsTaggedByJudge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Judge ok = new MeteredJudge(new Judge() {
            @Override
            public Verdict compare(JudgeRequest r) {
                return Verdict.of(Verdict.Choice.A);
            }

            @Override
            public String id() {
                return "fake";
            }
        }, registry);
        ok.compare(REQ);
        ok.compare(REQ);
        Judge failing = new MeteredJudge(r -> {
            throw new JudgeException("down");
        }, registry);
        assertThatThrownBy(() -> failing.compare(REQ)).isInstanceOf(JudgeException.class);

        assertThat(ok.id()).isEqualTo("fake");
        assertThat(registry.get("pinch.judge.latency").tags("judge", "fake", "outcome", "ok").timer().count()).isEqualTo(2);
        String failingId = failing.id();
        assertThat(registry.get("pinch.judge.errors").tags("judge", failingId, "error", "JudgeException").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("pinch.judge.latency").tags("judge", failingId, "outcome", "error").timer().count())
                .isEqualTo(1);
    }

    @Test
    void noListenerNeedsNoRegistry() {
        assertThat(new MeteredJudge(r -> Verdict.of(Verdict.Choice.TIE), JudgeListener.NONE).compare(REQ).choice())
                .isEqualTo(Verdict.Choice.TIE);
    }
}
