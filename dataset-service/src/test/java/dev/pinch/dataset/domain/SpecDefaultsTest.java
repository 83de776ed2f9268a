package dev.pinch.dataset.domain;

import static dev.pinch.dataset.domain.Specs.design;
import static dev.pinch.dataset.domain.Specs.experiment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpecDefaultsTest {

    @Test
    void fillsExperimentDefaults() {
        // en has 10 train ids, fi 8 of them: the default budget is the 8 ids in every language.
        Corpus corpus = TestCorpora.corpus("small", Map.of("en", range(0, 10), "fi", range(2, 10)), List.of());
        ExperimentSpec n = SpecDefaults.normalize(experiment(null, null, design("multilingual")), corpus);
        assertThat(n.corpus()).isEqualTo("builtin");
        assertThat(n.seed()).isEqualTo(1L);
        assertThat(n.budget()).isEqualTo(8);
        assertThat(n.languages()).isEqualTo(Languages.PAPER);
        assertThat(n.training()).isEmpty();
        assertThat(n.eval()).isEmpty();
        assertThat(n.id()).isEqualTo("exp-1");
    }

    @Test
    void pinchDefaultsToThePaperSweep() {
        DesignSpec d = normalizedDesign(design("pinch"));
        assertThat(d.name()).isEqualTo("pinch");
        assertThat(d.percents()).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0);
        assertThat(d.multilingualCounts()).containsExactly(40);
        assertThat(d.baseLanguage()).isEqualTo("en");
        assertThat(d.replacement()).isEqualTo("distinct-ids");
        assertThat(d.languages()).isEqualTo(Languages.PAPER);
    }

    @Test
    void onlyPercentsMeansNoCounts() {
        DesignSpec d = normalizedDesign(Specs.pinch(null, List.of(5.0), null));
        assertThat(d.percents()).containsExactly(5.0);
        assertThat(d.multilingualCounts()).isEmpty();
        DesignSpec c = normalizedDesign(Specs.pinch(null, null, List.of(12)));
        assertThat(c.percents()).isEmpty();
        assertThat(c.multilingualCounts()).containsExactly(12);
    }

    @Test
    void baseLanguageIsAppendedWhenMissing() {
        DesignSpec d = normalizedDesign(new DesignSpec("pinch", null, List.of("fi", "sw"), null, null, "it", null,
                null, null));
        assertThat(d.languages()).containsExactly("fi", "sw", "it");
    }

    @Test
    void seenTypesDefaultToTheSeenLanguagesWhateverTheExperimentSays() {
        ExperimentSpec spec = new ExperimentSpec(null, null, null, null, List.of("en", "fi"), null, null,
                List.of(design("seen-unseen"), design("language-count"), design("monolingual")));
        ExperimentSpec n = SpecDefaults.normalize(spec, TestCorpora.PAPER);
        assertThat(n.designs().get(0).languages()).isEqualTo(Languages.PAPER_SEEN);
        assertThat(n.designs().get(1).languages()).isEqualTo(Languages.PAPER_SEEN);
        assertThat(n.designs().get(1).orderings()).isEqualTo(3);
        assertThat(n.designs().get(2).languages()).containsExactly("en", "fi");
        assertThat(n.designs().get(2).orderings()).isNull();
    }

    @Test
    void equalRequestsNormalizeEqualAndNormalizingIsIdempotent() {
        ExperimentSpec implicit = Specs.paper(null);
        List<DesignSpec> explicitDesigns = new ArrayList<>();
        for (DesignSpec d : implicit.designs()) {
            explicitDesigns.add(SpecDefaults.normalize(d, Languages.PAPER));
        }
        ExperimentSpec explicit = new ExperimentSpec("exp-1", "builtin", 4640, 1L, Languages.PAPER, Map.of(),
                Map.of(), explicitDesigns);
        ExperimentSpec n = SpecDefaults.normalize(implicit, TestCorpora.PAPER);
        assertThat(SpecDefaults.normalize(explicit, TestCorpora.PAPER)).isEqualTo(n);
        assertThat(SpecDefaults.normalize(n, TestCorpora.PAPER)).isEqualTo(n);
        ExperimentSpec otherSeed = new ExperimentSpec("exp-1", null, null, 2L, null, null, null, implicit.designs());
        assertThat(SpecDefaults.normalize(otherSeed, TestCorpora.PAPER)).isNotEqualTo(n);
    }

    @Test
    void customCountsAreSortedAndInvalidDesignsKept() {
        List<DesignSpec> designs = Arrays.asList(Specs.custom(null, Map.of("sw", 1, "ar", 2, "fi", 3)),
                design("nonsense"), null);
        ExperimentSpec n = SpecDefaults.normalize(new ExperimentSpec(null, null, null, null, null, null, null,
                designs), TestCorpora.PAPER);
        assertThat(n.designs().get(0).counts().keySet()).containsExactly("ar", "fi", "sw");
        assertThat(n.designs().get(0).name()).isEqualTo("custom");
        assertThat(n.designs().get(1).name()).isEqualTo("nonsense");
        assertThat(n.designs().get(1).replacement()).isNull();
        assertThat(n.designs().get(2)).isNull();
    }

    private static DesignSpec normalizedDesign(DesignSpec d) {
        return SpecDefaults.normalize(experiment(null, null, d), TestCorpora.PAPER).designs().getFirst();
    }

    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
