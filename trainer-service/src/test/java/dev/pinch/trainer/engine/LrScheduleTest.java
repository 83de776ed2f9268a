package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LrScheduleTest {

    @Test
    void warmsUpLinearlyThenDecaysByCosineToTheFloor() {
        LrSchedule s = new LrSchedule(1e-3, 4, 14, 0.1);
        assertThat(s.at(0)).isCloseTo(0.25e-3, within(1e-12));
        assertThat(s.at(1)).isCloseTo(0.50e-3, within(1e-12));
        assertThat(s.at(3)).isCloseTo(1.00e-3, within(1e-12));
        assertThat(s.at(4)).isCloseTo(1.00e-3, within(1e-12));
        // 9 decay steps span p = 0 .. 1; step 8 is half way (p = 4/9 ... check the formula by hand)
        double p = (8 - 4) / 9.0;
        assertThat(s.at(8)).isCloseTo(1e-4 + 9e-4 * 0.5 * (1 + Math.cos(Math.PI * p)), within(1e-15));
        assertThat(s.at(13)).isCloseTo(1e-4, within(1e-15));
        assertThat(s.at(100)).isCloseTo(1e-4, within(1e-15));
        for (int i = 4; i < 13; i++) {
            assertThat(s.at(i + 1)).isLessThan(s.at(i));
        }
    }

    @Test
    void withoutWarmupStartsAtThePeak() {
        LrSchedule s = new LrSchedule(2e-3, 0, 11, 0.0);
        assertThat(s.at(0)).isEqualTo(2e-3);
        assertThat(s.at(5)).isCloseTo(1e-3, within(1e-15));
        assertThat(s.at(10)).isCloseTo(0, within(1e-15));
    }

    @Test
    void aLeadRunsAtItsOwnRateThenTheScheduleStartsAfresh() {
        LrSchedule s = new LrSchedule(1e-3, 4, 24, 0.1, new LrSchedule.Lead(10, 5e-4));
        assertThat(s.at(0)).isCloseTo(1.25e-4, within(1e-15));
        assertThat(s.at(3)).isCloseTo(5e-4, within(1e-15));
        assertThat(s.at(9)).isCloseTo(5e-4, within(1e-15));
        LrSchedule after = new LrSchedule(1e-3, 4, 14, 0.1);
        for (int i = 0; i < 16; i++) {
            assertThat(s.at(10 + i)).as("step %d after the lead", i).isEqualTo(after.at(i));
        }
        assertThat(new LrSchedule(1e-3, 4, 14, 0.1, LrSchedule.Lead.NONE).at(8)).isEqualTo(after.at(8));
    }
}
