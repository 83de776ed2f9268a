package dev.pinch.trainer.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pinch.trainer.domain.RunProgress;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void etaIsTheRemainingStepsAtTheMeanStepTime() {
        assertThat(RunSummary.eta(new RunProgress(20, 120, 0, 2.0, null, 4000, 1e-3, 450, 0.02))).isEqualTo(45);
        assertThat(RunSummary.eta(new RunProgress(120, 120, 0, 2.0, null, 4000, 1e-3, 450, 0.02))).isZero();
    }
}
