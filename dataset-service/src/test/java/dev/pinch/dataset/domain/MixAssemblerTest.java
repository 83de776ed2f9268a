package dev.pinch.dataset.domain;

import static dev.pinch.dataset.domain.Specs.design;
import static dev.pinch.dataset.domain.Specs.experiment;
import static dev.pinch.dataset.domain.Specs.mix;
import static dev.pinch.dataset.domain.Specs.pinch;
import static dev.pinch.dataset.domain.Specs.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MixAssemblerTest {

    private static final Corpus PAPER = TestCorpora.PAPER;

    @Test
    void fortyReplacedEnglishExamplesAreTranslationsOfTheDroppedOnes() {
        MixPlan n40 = mix(plan(experiment(null, 1L, pinch(null, null, List.of(40))), PAPER), "pinch-n40");
        AssembledMix mix = MixAssembler.assemble(PAPER, n40, 1);
        Map<String, List<String>> ids = mix.manifest().idsByLanguage();
        assertThat(ids.get("en")).hasSize(4600);
        List<String> others = ids.entrySet().stream().filter(e -> !e.getKey().equals("en"))
                .flatMap(e -> e.getValue().stream()).toList();
        assertThat(others).hasSize(40).doesNotHaveDuplicates().doesNotContainAnyElementsOf(ids.get("en"));
        // budget = corpus size and no id twice: the 40 are exactly the ids English gave up
        Set<String> all = new TreeSet<>(ids.get("en"));
        all.addAll(others);
        assertThat(all).isEqualTo(PAPER.trainIds("en"));
        // English takes a prefix of σ
        assertThat(new HashSet<>(ids.get("en"))).isEqualTo(new HashSet<>(MixAssembler.idOrder(PAPER, 1).subList(0, 4600)));
    }

    @Test
    void pZeroAndTheFortyMixShare4600EnglishIds() {
        List<MixPlan> plans = plan(experiment(null, 1L, pinch(null, List.of(0.0, 1.0), List.of(40))), PAPER);
        Set<String> p0 = englishIds(MixAssembler.assemble(PAPER, mix(plans, "pinch-p0"), 1));
        Set<String> n40 = englishIds(MixAssembler.assemble(PAPER, mix(plans, "pinch-n40"), 1));
        Set<String> p1 = englishIds(MixAssembler.assemble(PAPER, mix(plans, "pinch-p1"), 1));
        assertThat(p0).hasSize(4640);
        assertThat(intersection(p0, n40)).hasSize(4600);
        assertThat(intersection(n40, p1)).hasSize(Math.min(n40.size(), p1.size()));
    }

    @Test
    void distinctIdsHoldForEveryMixOfEveryDesign() {
        List<String> sigma = MixAssembler.idOrder(PAPER, 1);
        List<DesignSpec> designs = new java.util.ArrayList<>(Specs.paper(1L).designs());
        designs.add(design("multilingual"));
        designs.add(Specs.custom(null, Map.of("fi", 2000, "sw", 2000, "zh", 640)));
        ExperimentSpec spec = new ExperimentSpec(null, null, null, 1L, null, null, null, designs);
        List<MixPlan> plans = plan(spec, PAPER);
        assertThat(plans).hasSize(60);
        for (MixPlan plan : plans) {
            AssembledMix mix = MixAssembler.assemble(PAPER, plan, 1, sigma);
            assertThat(mix.examples()).as(plan.name()).hasSize(plan.total())
                    .extracting(Example::id).doesNotHaveDuplicates();
            assertThat(mix.manifest().countsByLanguage()).as(plan.name()).isEqualTo(plan.counts());
            assertThat(mix.examples()).allMatch(e -> e.split() == Split.TRAIN);
        }
    }

    @Test
    void sameIdsDrawNonBaseIdsFromTheBaseIds() {
        DesignSpec same = Specs.withReplacement(pinch(null, List.of(10.0, 50.0), List.of(40)), "same-ids");
        for (MixPlan plan : plan(experiment(null, 1L, same), PAPER)) {
            Map<String, List<String>> ids = MixAssembler.assemble(PAPER, plan, 1).manifest().idsByLanguage();
            Set<String> english = new HashSet<>(ids.get("en"));
            ids.forEach((lang, list) -> assertThat(english).as(plan.name() + " " + lang).containsAll(list));
            assertThat(ids.get("fi")).doesNotHaveDuplicates();
        }
        // whereas distinct-ids never repeats an id across languages
        MixPlan distinct = mix(plan(experiment(null, 1L, pinch(null, List.of(50.0), null)), PAPER), "pinch-p50");
        Map<String, List<String>> ids = MixAssembler.assemble(PAPER, distinct, 1).manifest().idsByLanguage();
        assertThat(ids.get("fi")).doesNotContainAnyElementsOf(ids.get("en"));
    }

    @Test
    void manifestCountsAgree() {
        MixPlan p10 = mix(plan(experiment(null, 1L, pinch(null, List.of(10.0), null)), PAPER), "pinch-p10");
        AssembledMix mix = MixAssembler.assemble(PAPER, p10, 1);
        MixManifest m = mix.manifest();
        assertThat(m.mix()).isEqualTo("pinch-p10");
        assertThat(m.total()).isEqualTo(4640);
        assertThat(m.replacement()).isEqualTo("distinct-ids");
        assertThat(m.seed()).isEqualTo(1);
        m.countsByLanguageAndTask().forEach((lang, byTask) -> {
            assertThat(byTask.keySet()).isSubsetOf(TestCorpora.TASKS);
            assertThat(byTask.values().stream().mapToInt(i -> i).sum()).isEqualTo(m.countsByLanguage().get(lang));
        });
        // ids per language follow the examples' order
        List<String> fiInOrder = mix.examples().stream().filter(e -> e.lang().equals("fi")).map(Example::id).toList();
        assertThat(m.idsByLanguage().get("fi")).isEqualTo(fiInOrder);
    }

    @Test
    void languagesAreInterleaved() {
        MixPlan n40 = mix(plan(experiment(null, 1L, pinch(null, null, List.of(40))), PAPER), "pinch-n40");
        List<Example> examples = MixAssembler.assemble(PAPER, n40, 1).examples();
        int firstNonEnglish = 0;
        while (examples.get(firstNonEnglish).lang().equals("en")) {
            firstNonEnglish++;
        }
        // 40 of 4,640 placed pseudo-randomly: the first lands in the top 10% except with probability 0.99^40 ≈ 1/1000
        // for a random order; a fixed seed makes this deterministic.
        assertThat(firstNonEnglish).isLessThan(464);
    }

    @Test
    void sameInputSameBytesOtherSeedOtherBytes() throws Exception {
        ExperimentSpec spec = Specs.paper(1L);
        MixPlan p = mix(plan(spec, PAPER), "pinch-p20");
        byte[] a = jsonl(MixAssembler.assemble(PAPER, p, 1));
        byte[] b = jsonl(MixAssembler.assemble(TestCorpora.parallel(4640, Languages.PAPER), p, 1));
        assertThat(a).isEqualTo(b);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(a));
        assertThat(MixAssembler.assemble(PAPER, p, 1).manifest().sha256()).isEqualTo(sha);

        MixPlan p2 = mix(plan(Specs.paper(2L), PAPER), "pinch-p20");
        AssembledMix other = MixAssembler.assemble(PAPER, p2, 2);
        assertThat(other.manifest().sha256()).isNotEqualTo(sha);
        assertThat(jsonl(other)).isNotEqualTo(a);
    }

    @Test
    void jsonlIsCompactOrderedUtf8() throws IOException {
        Example zh = TestCorpora.example("ex-00001", "zh", "topic", Split.TRAIN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MixAssembler.writeJsonl(List.of(zh, zh), out);
        String text = out.toString(StandardCharsets.UTF_8);
        String line = "{\"id\":\"ex-00001\",\"lang\":\"zh\",\"task\":\"topic\",\"split\":\"train\","
                + "\"instruction\":\"请回答 ex-00001 \\\"topic\\\"\",\"response\":\"→ zh ex-00001\"}";
        assertThat(text).isEqualTo(line + "\n" + line + "\n");
        JsonNode parsed = new ObjectMapper().readTree(text.split("\n")[0]);
        assertThat(parsed.get("instruction").asText()).isEqualTo(zh.instruction());
    }

    @Test
    void sigmaIsAPermutationOfTheTrainIdsFixedBySeed() {
        Corpus corpus = TestCorpora.corpus("held-out", Map.of("en", SpecDefaultsTest.range(0, 30),
                "fi", SpecDefaultsTest.range(10, 40)), List.of(100, 101));
        List<String> sigma = MixAssembler.idOrder(corpus, 5);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(TestCorpora.id(i));
        }
        assertThat(sigma).containsExactlyInAnyOrderElementsOf(expected).isEqualTo(MixAssembler.idOrder(corpus, 5))
                .isNotEqualTo(MixAssembler.idOrder(corpus, 6)).isNotEqualTo(expected);
    }

    @Test
    void nonParallelCorpusAlwaysDrawsUpToItsParallelCore() {
        // 20 ids (10-29) have all three languages; each language also has ids of its own or shared with one other.
        Corpus corpus = TestCorpora.corpus("partial", Map.of("en", SpecDefaultsTest.range(0, 30),
                "fi", SpecDefaultsTest.range(10, 40), "sw", SpecDefaultsTest.range(5, 35)), List.of(0, 1));
        assertThat(corpus.parallelTrainIds(List.of("en", "fi", "sw"))).hasSize(20);
        DesignSpec sweep = new DesignSpec("pinch", null, List.of("en", "fi", "sw"), List.of(0.0, 50.0, 100.0),
                List.of(20), null, null, null, null);
        for (long seed = 1; seed <= 30; seed++) {
            ExperimentSpec spec = new ExperimentSpec(null, null, 20, seed, null, null, null, List.of(sweep));
            assertThat(SpecValidator.validate(spec, corpus)).isEmpty();
            for (MixPlan plan : plan(spec, corpus)) {
                AssembledMix mix = MixAssembler.assemble(corpus, plan, seed);
                assertThat(mix.examples()).hasSize(20).extracting(Example::id).doesNotHaveDuplicates();
                assertThat(mix.examples()).allSatisfy(e -> assertThat(corpus.trainIds(e.lang())).contains(e.id()));
            }
        }
    }

    @Test
    void notEnoughIdsIsAClearError() {
        Corpus small = TestCorpora.parallel(10, List.of("en", "fi"));
        MixPlan tooBig = DesignPlanner.planDesign(SpecDefaults.normalize(Specs.custom(null, Map.of("en", 8, "fi", 5)),
                List.of()), 0, 1).getFirst();
        assertThatThrownBy(() -> MixAssembler.assemble(small, tooBig, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("mix 'custom' needs 5 'fi' examples but only 2 of the 10 train ids in 'fi' are not already"
                        + " used by the mix's other languages (replacement distinct-ids)");
    }

    private static Set<String> englishIds(AssembledMix mix) {
        return new HashSet<>(mix.manifest().idsByLanguage().get("en"));
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }

    private static byte[] jsonl(AssembledMix mix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mix.writeJsonl(out);
        return out.toByteArray();
    }
}
