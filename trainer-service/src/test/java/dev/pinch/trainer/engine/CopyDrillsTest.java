package dev.pinch.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CopyDrillsTest {

    private static final int EOS = 0;
    private static final int[] SEPARATOR = {10};
    /** A stream of 11..99 (never the separator) with EOS after every ninth token. */
    private static final int[] STREAM = IntStream.range(0, 990).map(i -> i % 10 == 9 ? EOS : 11 + i % 89).toArray();
    /** The stream's tokens, the separator, EOS (0) and pad (499) special, 500 ids. */
    private static final CopyDrills.Alphabet ALPHABET = new CopyDrills.Alphabet(STREAM, SEPARATOR, Set.of(EOS, 499),
            500);

    @Test
    void addsDrillsSoThatTheyMakeTheirShareOfAllWindows() {
        CopyDrills drills = new CopyDrills(0.25, 4, 12);
        assertThat(drills.count(300)).isEqualTo(100);
        assertThat(drills.windows(ALPHABET, 300, 64, 1)).hasSize(100);
        assertThat(CopyDrills.NONE.windows(ALPHABET, 300, 64, 1)).isEmpty();
    }

    @Test
    void everyTargetRepeatsTheSegmentBeforeItAndNothingElseIsATarget() {
        for (TokenSequence w : new CopyDrills(0.5, 4, 12).windows(ALPHABET, 20, 64, 7)) {
            assertThat(w.length()).isEqualTo(64);
            assertThat(w.targets()[0]).isZero();
            List<int[]> runs = runs(w);
            assertThat(runs.size()).isGreaterThanOrEqualTo(4);
            for (int r = 0; r + 1 < runs.size(); r += 2) {
                int[] read = runs.get(r);
                int[] copy = runs.get(r + 1);
                assertThat(read.length).isBetween(5, 13); // a segment and its separator
                assertThat(read[read.length - 1]).isEqualTo(SEPARATOR[0]);
                assertThat(Arrays.copyOf(read, read.length - 1)).doesNotContain(EOS, SEPARATOR[0]);
                assertThat(copy).isEqualTo(Arrays.copyOf(read, copy.length)); // the last one may be cut short
            }
            int targets = w.targetCount();
            assertThat(targets).isBetween(20, 40);
        }
    }

    @Test
    void isDeterministicInTheSeed() {
        CopyDrills drills = new CopyDrills(0.25, 8, 48);
        List<TokenSequence> a = drills.windows(ALPHABET, 40, 128, 3);
        List<TokenSequence> b = drills.windows(ALPHABET, 40, 128, 3);
        List<TokenSequence> c = drills.windows(ALPHABET, 40, 128, 4);
        assertThat(IntStream.range(0, a.size()).allMatch(i -> Arrays.equals(a.get(i).ids(), b.get(i).ids()))).isTrue();
        assertThat(Arrays.equals(a.get(0).ids(), c.get(0).ids())).isFalse();
    }

    @Test
    void uniformTokensComeFromTheWholeVocabularyButNeverASpecialOrTheSeparator() {
        CopyDrills drills = new CopyDrills(0.5, 8, 48, CopyDrills.Draw.UNIFORM, 0, 0, 0);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (TokenSequence w : drills.windows(ALPHABET, 200, 128, 1)) {
            List<int[]> runs = runs(w);
            for (int r = 0; r + 1 < runs.size(); r += 2) {
                int[] read = Arrays.copyOf(runs.get(r), runs.get(r).length - 1);
                assertThat(runs.get(r + 1)).isEqualTo(Arrays.copyOf(runs.get(r), runs.get(r + 1).length));
                Arrays.stream(read).forEach(seen::add);
            }
        }
        assertThat(seen).doesNotContain(SEPARATOR[0], EOS, 499).allMatch(t -> t >= 0 && t < 500);
        assertThat(seen.size()).as("about all 497 ids, not the text's 89").isGreaterThan(480);
        assertThat(new CopyDrills(0.5, 8, 48).windows(ALPHABET, 200, 128, 1).stream()
                .flatMapToInt(w -> Arrays.stream(w.ids())).allMatch(t -> t == SEPARATOR[0] || t >= 11 && t < 100))
                .as("text draws stay within the stream's tokens").isTrue();
    }

    @Test
    void theLeadHasItsStepsWorthOfWindowsOfItsOwnLength() {
        CopyDrills drills = new CopyDrills(0.2, 8, 48, CopyDrills.Draw.UNIFORM, 5, 128, 1e-3);
        List<TokenSequence> lead = drills.lead(ALPHABET, 16, 3);
        assertThat(lead).hasSize(80).allMatch(w -> w.length() == 128 && w.targetCount() > 40);
        assertThat(lead.get(0).source()).isEqualTo("copy-lead-0");
        assertThat(Arrays.equals(lead.get(0).ids(), drills.lead(ALPHABET, 16, 3).get(0).ids())).isTrue();
        assertThat(Arrays.equals(lead.get(0).ids(), drills.windows(ALPHABET, 100, 128, 3).get(0).ids()))
                .as("lead and text-phase drills are drawn apart").isFalse();
        assertThat(new CopyDrills(0.2, 8, 48).lead(ALPHABET, 16, 3)).isEmpty();
        assertThatThrownBy(() -> new CopyDrills(0.2, 8, 48, CopyDrills.Draw.UNIFORM, 5, 12, 1e-3))
                .hasMessageContaining("windows of at least 18 tokens");
        assertThatThrownBy(() -> new CopyDrills(0.2, 8, 48, CopyDrills.Draw.UNIFORM, 5, 128, 0))
                .hasMessageContaining("lead needs a positive learning rate, was 0.0");
        assertThat(new CopyDrills(0.2, 8, 48, CopyDrills.Draw.UNIFORM, 0, 0, 0).lead(ALPHABET, 16, 3))
                .as("no lead, no rate needed").isEmpty();
    }

    @Test
    void itsKeySpellsOutEveryComponent() {
        CopyDrills drills = new CopyDrills(1.0 / 6, 8, 48, CopyDrills.Draw.UNIFORM, 2000, 128, 1e-3);
        assertThat(drills.key()).isEqualTo("CopyDrills[share=0.16666666666666666, minLength=8, maxLength=48,"
                + " draw=UNIFORM, leadSteps=2000, leadLength=128, leadLearningRate=0.001]");
    }

    @Test
    void refusesAShareOrLengthsItCannotUse() {
        assertThatThrownBy(() -> new CopyDrills(0.95, 8, 48)).hasMessageContaining("share must be in [0, 0.9]");
        assertThatThrownBy(() -> new CopyDrills(0.25, 8, 4)).hasMessageContaining("minLength <= maxLength");
    }

    /** Alternating runs of non-target and target tokens (the first writing starts at position 0). */
    private static List<int[]> runs(TokenSequence w) {
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        for (int t = 1; t <= w.length(); t++) {
            if (t == w.length() || w.targets()[t] != w.targets()[t - 1]) {
                runs.add(Arrays.copyOfRange(w.ids(), start, t));
                start = t;
            }
        }
        return runs;
    }
}
