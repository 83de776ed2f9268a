package dev.pinch.dataset.domain;

import static dev.pinch.dataset.domain.Specs.design;
import static dev.pinch.dataset.domain.Specs.experiment;
import static dev.pinch.dataset.domain.Specs.mix;
import static dev.pinch.dataset.domain.Specs.pinch;
import static dev.pinch.dataset.domain.Specs.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DesignPlannerTest {

    private static final Corpus PAPER = TestCorpora.PAPER;

    @Test
    void explicitFortyGoesToTheElevenNonEnglishLanguages() {
        MixPlan n40 = mix(plan(experiment(null, 1L, pinch(null, null, List.of(40))), PAPER), "pinch-n40");
        assertThat(n40.counts()).containsEntry("en", 4600).hasSize(12);
        Map<String, Integer> others = withoutEnglish(n40.counts());
        assertThat(others).hasSize(11);
        assertThat(AllocationTest.sum(others)).isEqualTo(40);
        assertThat(others.values()).allMatch(n -> n == 3 || n == 4);
        assertThat(n40.total()).isEqualTo(4640);
        assertThat(n40.baseLanguage()).isEqualTo("en");
        assertThat(n40.design().params()).containsEntry("count", "40").containsEntry("base", "en")
                .containsEntry("budget", "4640").containsEntry("seen", String.join(",", Languages.PAPER.stream().sorted().toList()));
    }

    @Test
    void onePercentSplitsFortySixOverAllTwelve() {
        MixPlan p1 = mix(plan(experiment(null, 1L, pinch(null, List.of(1.0), null)), PAPER), "pinch-p1");
        int englishShare = p1.counts().get("en") - (4640 - 46);
        assertThat(englishShare).isBetween(3, 4);
        Map<String, Integer> others = withoutEnglish(p1.counts());
        assertThat(others.values()).allMatch(n -> n == 3 || n == 4);
        assertThat(AllocationTest.sum(others) + englishShare).isEqualTo(46);
        assertThat(p1.total()).isEqualTo(4640);
        assertThat(p1.design().params()).containsEntry("percent", "1");
    }

    @Test
    void tenAndHundredPercent() {
        List<MixPlan> plans = plan(experiment(null, 1L, pinch(null, List.of(10.0, 100.0, 0.0), null)), PAPER);
        MixPlan p10 = mix(plans, "pinch-p10");
        int englishShare10 = p10.counts().get("en") - (4640 - 464);
        assertThat(englishShare10).isBetween(38, 39);
        assertThat(withoutEnglish(p10.counts()).values()).allMatch(n -> n == 38 || n == 39);
        assertThat(AllocationTest.sum(withoutEnglish(p10.counts())) + englishShare10).isEqualTo(464);
        MixPlan p100 = mix(plans, "pinch-p100");
        assertThat(p100.counts()).hasSize(12);
        assertThat(p100.counts().values()).allMatch(n -> n == 386 || n == 387);
        assertThat(p100.total()).isEqualTo(4640);
        assertThat(mix(plans, "pinch-p0").counts()).isEqualTo(Map.of("en", 4640));
    }

    @Test
    void oddBudgetsAlwaysSumToTheBudget() {
        for (int budget : new int[] {41, 53, 4641}) {
            ExperimentSpec spec = Specs.paper(3L);
            ExperimentSpec sized = new ExperimentSpec(spec.id(), null, budget, 3L, null, null, null, spec.designs());
            List<MixPlan> plans = plan(sized, PAPER);
            assertThat(plans).hasSize(58).allSatisfy(p -> assertThat(p.total()).as(p.name()).isEqualTo(budget));
            assertThat(plans).allSatisfy(p -> assertThat(p.counts().values()).allMatch(n -> n > 0));
        }
        List<MixPlan> seven = plan(experiment(7, 1L, design("multilingual"), design("language-count"),
                pinch(null, List.of(1.0, 10.0, 50.0, 100.0), null)), PAPER);
        assertThat(seven).allSatisfy(p -> assertThat(p.total()).as(p.name()).isEqualTo(7));
        assertThat(mix(seven, "pinch-p1").counts()).isEqualTo(Map.of("en", 7)); // 0.07 rounds to 0
        assertThat(mix(seven, "pinch-p50").counts().get("en")).isBetween(3, 4); // 4 of 7 spread, 3 stay English
        MixPlan uniform = mix(seven, "multilingual");
        assertThat(uniform.counts()).hasSize(7).allSatisfy((lang, n) -> assertThat(n).isEqualTo(1));
        assertThat(uniform.design().languages()).containsExactlyElementsOf(uniform.counts().keySet());
    }

    @Test
    void paperDesignSetPlansFiftyEightMixes() {
        List<MixPlan> plans = plan(Specs.paper(1L), PAPER);
        Map<String, Long> byDesign = plans.stream()
                .collect(Collectors.groupingBy(p -> p.design().name(), Collectors.counting()));
        assertThat(byDesign).isEqualTo(Map.of("monolingual", 12L, "pinch", 11L, "seen-unseen", 11L,
                "language-count", 18L, "bilingual-pairs", 6L));
        assertThat(plans.stream().map(MixPlan::name).distinct()).hasSize(58);
        assertThat(plans).extracting(MixPlan::name).contains("mono-en", "mono-sw", "pinch-p10", "pinch-p100",
                "pinch-n40", "seen-unseen-p50", "seen-unseen-n40", "language-count-o3-n6");
        assertThat(plans).allSatisfy(p -> assertThat(p.replacement()).isEqualTo(Replacement.DISTINCT_IDS));
        assertThat(plans).allSatisfy(p -> assertThat(p.baseLanguage())
                .isEqualTo(p.design().type().equals("pinch") || p.design().type().equals("seen-unseen") ? "en" : null));
    }

    @Test
    void seenUnseenUsesOnlyTheSeenLanguages() {
        List<MixPlan> plans = plan(experiment(null, 1L, design("seen-unseen")), PAPER);
        assertThat(plans).extracting(MixPlan::name).containsExactly("seen-unseen-p10", "seen-unseen-p20",
                "seen-unseen-p30", "seen-unseen-p40", "seen-unseen-p50", "seen-unseen-p60", "seen-unseen-p70",
                "seen-unseen-p80", "seen-unseen-p90", "seen-unseen-p100", "seen-unseen-n40");
        assertThat(plans).allSatisfy(p -> {
            assertThat(Languages.PAPER_SEEN).containsAll(p.counts().keySet());
            assertThat(p.design().params()).containsEntry("seen", "ar,en,fi,it,ru,sw").containsEntry("base", "en");
        });
        // 40 over the 5 non-base seen languages: 8 each; 100% of 4640 over 6: 773 or 774.
        assertThat(mix(plans, "seen-unseen-n40").counts())
                .isEqualTo(Map.of("en", 4600, "ar", 8, "fi", 8, "it", 8, "ru", 8, "sw", 8));
        assertThat(mix(plans, "seen-unseen-p100").counts().values()).allMatch(n -> n == 773 || n == 774);
    }

    @Test
    void languageCountOrderingsArePrefixConsistentAndDistinct() {
        List<MixPlan> plans = plan(experiment(null, 1L, design("language-count")), PAPER);
        assertThat(plans).hasSize(18);
        List<String> orders = plans.stream().map(p -> p.design().params().get("order")).distinct().toList();
        assertThat(orders).hasSize(3);
        for (int k = 1; k <= 3; k++) {
            List<String> order = List.of(orders.get(k - 1).split(","));
            assertThat(order).containsExactlyInAnyOrderElementsOf(Languages.PAPER_SEEN);
            for (int n = 1; n <= 6; n++) {
                MixPlan p = mix(plans, "language-count-o" + k + "-n" + n);
                assertThat(p.counts().keySet()).containsExactlyInAnyOrderElementsOf(order.subList(0, n));
                assertThat(p.total()).isEqualTo(4640);
                int min = p.counts().values().stream().mapToInt(i -> i).min().orElseThrow();
                int max = p.counts().values().stream().mapToInt(i -> i).max().orElseThrow();
                assertThat(max - min).isLessThanOrEqualTo(1);
                assertThat(p.design().params()).containsEntry("ordering", "" + k).containsEntry("n", "" + n)
                        .containsEntry("order", orders.get(k - 1));
            }
        }
    }

    @Test
    void bilingualPairsCoverEachLanguageOnce() {
        List<MixPlan> plans = plan(experiment(null, 1L, design("bilingual-pairs")), PAPER);
        assertThat(plans).hasSize(6);
        assertThat(plans.stream().flatMap(p -> p.counts().keySet().stream()))
                .containsExactlyInAnyOrderElementsOf(Languages.PAPER);
        for (MixPlan p : plans) {
            List<String> pair = List.copyOf(p.counts().keySet());
            assertThat(p.name()).isEqualTo("bilingual-pairs-" + pair.get(0) + "-" + pair.get(1));
            assertThat(pair.get(0)).isLessThan(pair.get(1));
            assertThat(p.counts().values()).containsOnly(2320);
        }
    }

    @Test
    void monolingualAndCustomNames() {
        List<MixPlan> plans = plan(experiment(null, 1L,
                design("monolingual"),
                Specs.named("monolingual", "slavic", List.of("ru", "cs")),
                Specs.custom("mine", Map.of("fi", 10, "en", 0, "sw", 5))), PAPER);
        assertThat(plans).extracting(MixPlan::name).startsWith("mono-ar").contains("slavic-ru", "slavic-cs");
        assertThat(mix(plans, "slavic-ru").counts()).isEqualTo(Map.of("ru", 4640));
        MixPlan custom = mix(plans, "mine");
        assertThat(custom.counts()).isEqualTo(Map.of("fi", 10, "sw", 5));
        assertThat(custom.counts().keySet()).containsExactly("fi", "sw");
        assertThat(custom.design().languages()).containsExactly("fi", "sw");
        assertThat(custom.design().type()).isEqualTo("custom");
    }

    @Test
    void sameSeedSamePlansOtherSeedOtherPlans() {
        assertThat(plan(Specs.paper(1L), PAPER)).isEqualTo(plan(Specs.paper(1L), PAPER));
        assertThat(plan(Specs.paper(1L), PAPER)).isNotEqualTo(plan(Specs.paper(2L), PAPER));
    }

    @Test
    void aDesignsPlansDoNotDependOnTheOtherDesigns() {
        List<MixPlan> alone = plan(experiment(null, 4L, design("language-count")), PAPER);
        List<MixPlan> together = plan(experiment(null, 4L, design("pinch"), design("language-count")), PAPER);
        assertThat(together.subList(11, together.size())).isEqualTo(alone);
    }

    @Test
    void replacementAndBaseAreCarried() {
        DesignSpec fiBase = new DesignSpec("pinch", null, List.of("fi", "en", "sw"), List.of(50.0), List.of(),
                "fi", "same-ids", null, null);
        MixPlan p = plan(experiment(100, 1L, fiBase), PAPER).getFirst();
        assertThat(p.replacement()).isEqualTo(Replacement.SAME_IDS);
        assertThat(p.baseLanguage()).isEqualTo("fi");
        // 50 split over 3 (16/17) plus the other 50 to fi
        assertThat(p.counts().get("fi")).isBetween(66, 67);
        assertThat(p.total()).isEqualTo(100);
    }

    private static Map<String, Integer> withoutEnglish(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().equals("en"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
