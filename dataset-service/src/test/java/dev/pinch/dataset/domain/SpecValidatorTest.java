package dev.pinch.dataset.domain;

import dev.pinch.events.Violation;
import static dev.pinch.dataset.domain.SpecDefaultsTest.range;
import static dev.pinch.dataset.domain.Specs.design;
import static dev.pinch.dataset.domain.Specs.experiment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    private static final Corpus PAPER = TestCorpora.PAPER;
    private static final List<String> NON_ENGLISH = Languages.PAPER.stream().filter(l -> !l.equals("en")).toList();

    @Test
    void thePaperSpecAndEveryTypeAreValid() {
        assertThat(SpecValidator.validate(Specs.paper(null), PAPER)).isEmpty();
        ExperimentSpec all = experiment(null, 9L, design("monolingual"), design("pinch"), design("multilingual"),
                design("seen-unseen"), design("language-count"), design("bilingual-pairs"),
                Specs.custom(null, Map.of("fi", 100, "sw", 0)),
                Specs.withReplacement(Specs.pinch("same", List.of(0.5, 100.0), List.of(4640)), "same-ids"));
        assertThat(SpecValidator.validate(all, PAPER)).isEmpty();
        assertThat(SpecValidator.validate(SpecValidator.normalize(all, PAPER), PAPER)).isEmpty();
    }

    @Test
    void validationKeepsThePlansItCheckedAndAnInvalidSpecHasNone() {
        ExperimentSpec paper = Specs.paper(null);
        SpecValidator.Checked checked = SpecValidator.check(paper, PAPER);
        assertThat(checked.violations()).isEmpty();
        assertThat(checked.plans()).isNotEmpty()
                .isEqualTo(DesignPlanner.plan(SpecValidator.normalize(paper, PAPER)));
        assertThat(SpecValidator.check(experiment(null, null), PAPER).plans()).isEmpty();
    }

    @Test
    void designsAreRequired() {
        ExperimentSpec none = new ExperimentSpec(null, null, null, null, null, null, null, null);
        assertThat(SpecValidator.validate(none, PAPER))
                .containsExactly(new Violation("designs", "must contain at least one design"));
        assertThat(SpecValidator.validate(experiment(null, null), PAPER))
                .containsExactly(new Violation("designs", "must contain at least one design"));
        ExperimentSpec withNull = new ExperimentSpec(null, null, null, null, null, null, null,
                Arrays.asList(design("pinch"), null));
        assertThat(SpecValidator.validate(withNull, PAPER)).containsExactly(new Violation("designs[1]", "must not be null"));
    }

    @Test
    void unknownOrMissingType() {
        String valid = "; valid types: monolingual, pinch, multilingual, seen-unseen, language-count, bilingual-pairs,"
                + " custom";
        assertThat(violations(design("monolingual"), design("pinchh")))
                .containsExactly(new Violation("designs[1].type", "unknown design type 'pinchh'" + valid));
        assertThat(violations(design(null))).containsExactly(new Violation("designs[0].type", "is required" + valid));
    }

    @Test
    void invalidLanguageCode() {
        assertOne(violations(Specs.named("monolingual", null, List.of("en", "english"))), "designs[0].languages[1]",
                "'english' is not a valid language code");
    }

    @Test
    void languageNotInCorpus() {
        assertOne(violations(Specs.named("multilingual", null, List.of("de", "en"))), "designs[0].languages[0]",
                "'de' is not a language of corpus 'synthetic' (it has: ar, cs, en, es, et, fi, he, hi, it, ru, sw, zh)");
    }

    @Test
    void experimentLanguagesAreChecked() {
        ExperimentSpec spec = new ExperimentSpec(null, null, null, null, List.of("en", "fi", "xx"), null, null,
                List.of(design("multilingual")));
        assertOne(SpecValidator.validate(spec, PAPER), "languages[2]", "'xx' is not a valid language code");
    }

    @Test
    void defaultLanguagesMissingFromTheCorpusAreReportedOnlyWhenUsed() {
        Corpus small = TestCorpora.parallel(50, List.of("en", "fi"));
        List<Violation> used = SpecValidator.validate(experiment(null, null, design("monolingual")), small);
        assertThat(used).hasSize(10).allSatisfy(v -> {
            assertThat(v.field()).isEqualTo("languages");
            assertThat(v.reason()).contains("is not a language of corpus", "the paper's 12 languages");
        });
        assertThat(SpecValidator.validate(experiment(null, null, Specs.custom(null, Map.of("fi", 5))), small)).isEmpty();
        List<Violation> seen = SpecValidator.validate(experiment(null, null, design("seen-unseen")), small);
        assertThat(seen).hasSize(4).allSatisfy(v -> {
            assertThat(v.field()).isEqualTo("designs[0].languages");
            assertThat(v.reason()).contains("the paper's seen languages");
        });
    }

    @Test
    void duplicateOrEmptyLanguages() {
        assertOne(violations(Specs.named("multilingual", null, List.of("en", "fi", "fi"))), "designs[0].languages[2]",
                "'fi' is listed twice");
        assertOne(violations(Specs.named("multilingual", null, List.of())), "designs[0].languages",
                "must contain at least one language");
    }

    @Test
    void percentsOutOfRangeNullOrRepeated() {
        List<Violation> v = violations(Specs.pinch(null, Arrays.asList(10.0, -1.0, 100.5, Double.NaN, 10.0, null), null));
        assertThat(v).containsExactly(
                new Violation("designs[0].percents[1]", "must be between 0 and 100, got -1.0"),
                new Violation("designs[0].percents[2]", "must be between 0 and 100, got 100.5"),
                new Violation("designs[0].percents[3]", "must be between 0 and 100, got NaN"),
                new Violation("designs[0].percents[4]", "percent 10 is listed twice"),
                new Violation("designs[0].percents[5]", "must not be null"));
    }

    @Test
    void multilingualCountsMustBePositiveAndWithinTheBudget() {
        List<Violation> v = violations(Specs.pinch(null, null, List.of(0, -5, 4641, 40, 40)));
        assertThat(v).containsExactly(
                new Violation("designs[0].multilingualCounts[0]", "must be at least 1, got 0"),
                new Violation("designs[0].multilingualCounts[1]", "must be at least 1, got -5"),
                new Violation("designs[0].multilingualCounts[2]", "must not exceed the budget (4640), got 4641"),
                new Violation("designs[0].multilingualCounts[4]", "count 40 is listed twice"));
    }

    @Test
    void countNeedsANonBaseLanguageAndADesignNeedsAMix() {
        assertOne(violations(new DesignSpec("pinch", null, List.of("en"), List.of(), List.of(10), null, null, null,
                null)), "designs[0].multilingualCounts[0]", "there is no language besides the base language 'en'");
        assertOne(violations(Specs.pinch(null, List.of(), List.of())), "designs[0].percents", "the design has no mixes");
    }

    @Test
    void budgetMustBePositive() {
        assertThat(SpecValidator.validate(experiment(0, null, design("multilingual")), PAPER))
                .containsExactly(new Violation("budget", "must be at least 1, got 0"));
        Corpus disjoint = TestCorpora.corpus("disjoint", Map.of("en", range(0, 5), "fi", range(5, 10)), List.of());
        assertOne(SpecValidator.validate(experiment(null, null, Specs.custom(null, Map.of("en", 1))), disjoint),
                "budget", "which is 0; set a budget of at least 1");
    }

    @Test
    void budgetLargerThanTheCorpus() {
        List<Violation> mono = SpecValidator.validate(experiment(4641, null, design("monolingual")), PAPER);
        assertOne(mono, "budget", "mix 'mono-ar' needs 4641 'ar' examples but the corpus has only 4640 train examples"
                + " in 'ar'; 4640 ids have a train example in every one of its languages (ar)");
        List<Violation> pinch = SpecValidator.validate(experiment(4641, null, Specs.pinch(null, List.of(10.0), null)),
                PAPER);
        assertOne(pinch, "budget", "mix 'pinch-p10' needs 4641 distinct example ids (replacement distinct-ids) but"
                + " only 4640 ids have a train example in its languages");
        // same-ids repeats ids across languages: at P = 10 English needs 4,641 - 464 + its 38 or 39 = at most 4,216
        // ids, which the corpus has; at P = 0 it needs all 4,641.
        assertThat(SpecValidator.validate(experiment(4641, null,
                Specs.withReplacement(Specs.pinch(null, List.of(10.0), null), "same-ids")), PAPER)).isEmpty();
        List<Violation> same = SpecValidator.validate(experiment(4641, null,
                Specs.withReplacement(Specs.pinch(null, List.of(10.0, 0.0), null), "same-ids")), PAPER);
        assertOne(same, "budget", "mix 'pinch-p0' needs 4641 'en' examples but the corpus has only 4640");
    }

    @Test
    void languageWithFewExamples() {
        Corpus uneven = TestCorpora.corpus("uneven", Map.of("en", range(0, 100), "sw", range(0, 10)), List.of());
        ExperimentSpec spec = new ExperimentSpec(null, null, 50, null, List.of("en", "sw"), null, null,
                List.of(design("monolingual")));
        assertOne(SpecValidator.validate(spec, uneven), "budget",
                "mix 'mono-sw' needs 50 'sw' examples but the corpus has only 10 train examples in 'sw'");
    }

    @Test
    void distinctIdsCanRunOutWhereSameIdsCannot() {
        Corpus parallel = TestCorpora.parallel(10, List.of("en", "fi"));
        Map<String, Integer> both = Map.of("en", 10, "fi", 10);
        assertOne(violations(parallel, Specs.custom(null, both)), "designs[0].counts",
                "needs 20 distinct example ids (replacement distinct-ids) but only 10 ids");
        assertThat(violations(parallel, Specs.withReplacement(Specs.custom(null, both), "same-ids"))).isEmpty();
    }

    @Test
    void distinctIdsReportsIdsUsedByEarlierLanguages() {
        // en has ids 0-9, fi only 0-4. en draws first; unless its 5 ids are exactly 5-9, fi finds fewer than 5 left.
        Corpus corpus = TestCorpora.corpus("partial", Map.of("en", range(0, 10), "fi", range(0, 5)), List.of());
        List<String> firstEnglish = MixAssembler.idOrder(corpus, 1).subList(0, 5);
        assertThat(firstEnglish).as("precondition on σ").containsAnyOf(
                TestCorpora.id(0), TestCorpora.id(1), TestCorpora.id(2), TestCorpora.id(3), TestCorpora.id(4));
        assertOne(violations(corpus, Specs.custom(null, Map.of("en", 5, "fi", 5))), "designs[0].counts",
                "of the 5 train ids in 'fi' are not already used by the mix's other languages");
    }

    @Test
    void orderings() {
        DesignSpec zero = new DesignSpec("language-count", null, null, null, null, null, null, 0, null);
        assertOne(violations(zero), "designs[0].orderings", "must be at least 1, got 0");
        DesignSpec seven = new DesignSpec("language-count", null, List.of("en", "fi", "sw"), null, null, null, null, 7,
                null);
        assertOne(violations(seven), "designs[0].orderings", "there are only 6 distinct orderings of 3 languages, got 7");
        DesignSpec six = new DesignSpec("language-count", null, List.of("en", "fi", "sw"), null, null, null, null, 6,
                null);
        assertThat(violations(six)).isEmpty();
    }

    @Test
    void bilingualPairsNeedAnEvenCount() {
        assertOne(violations(Specs.named("bilingual-pairs", null, NON_ENGLISH)), "designs[0].languages",
                "bilingual-pairs needs an even number of languages to pair them all, got 11");
    }

    @Test
    void baseLanguage() {
        DesignSpec invalid = new DesignSpec("pinch", null, null, null, null, "xx", null, null, null);
        assertOne(violations(invalid), "designs[0].baseLanguage", "'xx' is not a valid language code");
        DesignSpec absent = new DesignSpec("pinch", null, List.of("fi", "sw"), null, null, "de", null, null, null);
        assertOne(violations(absent), "designs[0].baseLanguage", "'de' is not a language of corpus");
        // A base language missing from the languages is added, not an error.
        DesignSpec added = new DesignSpec("seen-unseen", null, List.of("fi", "sw"), null, null, "ar", null, null, null);
        assertThat(violations(added)).isEmpty();
    }

    @Test
    void duplicateDesignNames() {
        assertThat(violations(design("pinch"), design("monolingual"), design("pinch"))).containsExactly(
                new Violation("designs[2].name", "duplicate design name 'pinch' (also designs[0]); give each design"
                        + " its own name"));
    }

    @Test
    void duplicateMixNames() {
        assertThat(violations(design("pinch"), Specs.custom("pinch-p10", Map.of("fi", 1)))).containsExactly(
                new Violation("designs[1].name", "mix name 'pinch-p10' is also produced by designs[0]; rename one of"
                        + " the designs"));
    }

    @Test
    void tooManyMixes() {
        DesignSpec many = new DesignSpec("language-count", null, Languages.PAPER, null, null, null, null, 100, null);
        assertThat(violations(many, design("pinch"))).containsExactly(new Violation("designs",
                "the designs plan 1211 mixes; at most 1000 are allowed in one experiment"));
    }

    @Test
    void customCounts() {
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("xx", 1);
        bad.put("de", 1);
        bad.put("fi", -3);
        bad.put("sw", null);
        List<Violation> v = violations(Specs.custom(null, bad));
        assertThat(v).extracting(Violation::field).containsExactlyInAnyOrder("designs[0].counts.xx",
                "designs[0].counts.de", "designs[0].counts.fi", "designs[0].counts.sw");
        assertThat(v).anySatisfy(x -> assertThat(x.reason()).isEqualTo("must be a count of at least 0, got -3"));
        assertThat(v).anySatisfy(x -> assertThat(x.reason()).startsWith("'xx' is not a valid language code"));
        assertThat(violations(Specs.custom(null, Map.of()))).containsExactly(
                new Violation("designs[0].counts", "a custom design needs counts: examples per language"));
        assertThat(violations(Specs.custom(null, Map.of("fi", 0)))).containsExactly(
                new Violation("designs[0].counts", "must give at least one example in all"));
    }

    @Test
    void id() {
        for (String bad : List.of("Bad_ID", "-x", "", "a".repeat(64), "exp.1")) {
            ExperimentSpec spec = new ExperimentSpec(bad, null, null, null, null, null, null, List.of(design("pinch")));
            assertOne(SpecValidator.validate(spec, PAPER), "id", "got '" + bad + "'");
        }
        for (String good : Arrays.asList(null, "exp-1", "a".repeat(63), "0")) {
            ExperimentSpec spec = new ExperimentSpec(good, null, null, null, null, null, null, List.of(design("pinch")));
            assertThat(SpecValidator.validate(spec, PAPER)).isEmpty();
        }
    }

    @Test
    void seed() {
        assertThat(SpecValidator.validate(experiment(null, -1L, design("pinch")), PAPER))
                .containsExactly(new Violation("seed", "must be between 0 and 4294967295, got -1"));
        assertOne(SpecValidator.validate(experiment(null, 4294967296L, design("pinch")), PAPER), "seed", "got 4294967296");
        assertThat(SpecValidator.validate(experiment(null, 4294967295L, design("pinch")), PAPER)).isEmpty();
    }

    @Test
    void replacementAndName() {
        assertThat(violations(Specs.withReplacement(design("pinch"), "random"))).containsExactly(new Violation(
                "designs[0].replacement", "unknown replacement 'random'; valid: distinct-ids, same-ids"));
        assertOne(violations(Specs.named("multilingual", "a/b", null)), "designs[0].name", "got 'a/b'");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<DesignSpec> designs = new ArrayList<>(List.of(design("nope"), Specs.pinch(null, List.of(200.0), null)));
        ExperimentSpec spec = new ExperimentSpec("BAD", null, 0, -2L, null, null, null, designs);
        assertThat(SpecValidator.validate(spec, PAPER)).extracting(Violation::field)
                .containsExactly("id", "seed", "budget", "designs[0].type", "designs[1].percents[0]");
    }

    @Test
    void seedsAreDistinctInRangeAndExclusiveOfTheTrainingSeed() {
        List<DesignSpec> designs = List.of(design("pinch"));
        ExperimentSpec good = new ExperimentSpec(null, null, null, null, null, null, null, designs, List.of(1L, 2L, 3L));
        assertThat(SpecValidator.validate(good, PAPER)).isEmpty();
        assertThat(SpecDefaults.normalize(good, PAPER).seeds()).containsExactly(1L, 2L, 3L);
        ExperimentSpec bad = new ExperimentSpec(null, null, null, null, null, Map.of("seed", 4), null, designs,
                Arrays.asList(1L, -1L, 1L, null));
        assertThat(SpecValidator.validate(bad, PAPER)).extracting(Violation::field)
                .containsExactly("seeds[1]", "seeds[2]", "seeds[3]", "training.seed");
        assertThat(SpecValidator.validate(bad, PAPER).get(1).reason()).contains("listed twice");
        ExperimentSpec none = new ExperimentSpec(null, null, null, null, null, null, null, designs, List.of());
        assertOne(SpecValidator.validate(none, PAPER), "seeds", "1 to 10 training seeds");
    }

    @Test
    void aSpecWithoutSeedsSerialisesAsBeforeSoItsHashIsUnchanged() throws Exception {
        ExperimentSpec spec = SpecDefaults.normalize(experiment(null, null, design("pinch")), PAPER);
        assertThat(dev.pinch.events.EventCodec.mapper().writeValueAsString(spec)).doesNotContain("seeds");
    }

    private static List<Violation> violations(DesignSpec... designs) {
        return SpecValidator.validate(experiment(null, null, designs), PAPER);
    }

    private static List<Violation> violations(Corpus corpus, DesignSpec... designs) {
        return SpecValidator.validate(experiment(null, null, designs), corpus);
    }

    private static void assertOne(List<Violation> violations, String field, String messagePart) {
        assertThat(violations).hasSize(1);
        assertThat(violations.getFirst().field()).isEqualTo(field);
        assertThat(violations.getFirst().reason()).contains(messagePart);
    }
}
