package dev.pinch.evaluator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Textbook cases and edge cases of the statistics, besides the Python reference. */
class StatsTest {

    @Test
    void kappaOfCohensTwoByTwoExample() {
        // 50 items: both yes 20, both no 15, yes/no 5, no/yes 10 -> p_o = 0.7, p_e = 0.5, kappa = 0.4.
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        add(a, b, "yes", "yes", 20);
        add(a, b, "no", "no", 15);
        add(a, b, "yes", "no", 5);
        add(a, b, "no", "yes", 10);
        assertThat(Kappa.of(a, b)).isCloseTo(0.4, within(1e-12));
        assertThat(Kappa.of(a, a)).isEqualTo(1.0);
        assertThat(Kappa.of(List.of("tie", "tie"), List.of("tie", "tie"))).isNaN();
        assertThatThrownBy(() -> Kappa.of(List.of("a"), List.of())).hasMessageContaining("same items");
    }

    @Test
    void holmKeepsOrderAndMonotonicity() {
        assertThat(Holm.adjust(new double[] {0.01, 0.04, 0.03})).containsExactly(0.03, 0.06, 0.06);
        assertThat(Holm.adjust(new Double[] {null, 0.2})).containsExactly(null, 0.2);
    }

    @Test
    void aConstantDifferenceHasAZeroWidthIntervalAndTheSmallestPValue() {
        Map<String, Double> a = new LinkedHashMap<>();
        Map<String, Double> b = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            a.put("p" + i, 60.0 + i);
            b.put("p" + i, 50.0 + i);
        }
        PromptData data = (mix, lang) -> List.of(mix.equals("a") ? a : b);
        Interval d = new Bootstrap(500, 0.95, 1).estimate(Estimand.difference("a", "b", List.of("es")), data, 0)
                .orElseThrow();
        assertThat(d.value()).isCloseTo(10, within(1e-9));
        assertThat(d.low()).isCloseTo(10, within(1e-9));
        assertThat(d.high()).isCloseTo(10, within(1e-9));
        assertThat(d.p()).as("sign-flip: no flip reaches it").isCloseTo(1.0 / 501, within(1e-12));
        assertThat(d.above(0)).isTrue();
    }

    @Test
    void undefinedWithoutDataAndNoIntervalForOnePrompt() {
        PromptData none = (mix, lang) -> List.of();
        assertThat(new Bootstrap().estimate(Estimand.cell("a", "es"), none, 50)).isEmpty();
        PromptData one = (mix, lang) -> List.of(Map.of("p1", 100.0));
        Interval single = new Bootstrap().estimate(Estimand.cell("a", "es"), one, 50).orElseThrow();
        assertThat(single.value()).isEqualTo(100);
        assertThat(single.low()).isNull();
        assertThat(single.above(50)).isFalse();
        PromptData disjoint = (mix, lang) -> List.of(Map.of(mix.equals("a") ? "p1" : "p2", 1.0));
        assertThat(new Bootstrap().estimate(Estimand.difference("a", "b", List.of("es")), disjoint, 0)).isEmpty();
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new Bootstrap(10, 0.95, 1)).hasMessageContaining("resamples must be >= 100");
        assertThatThrownBy(() -> new Bootstrap(1000, 1.5, 1)).hasMessageContaining("level");
        assertThatThrownBy(() -> new SplitMix64(1).nextInt(0)).hasMessageContaining("bound");
    }

    private static void add(List<String> a, List<String> b, String x, String y, int n) {
        for (int i = 0; i < n; i++) {
            a.add(x);
            b.add(y);
        }
    }
}
