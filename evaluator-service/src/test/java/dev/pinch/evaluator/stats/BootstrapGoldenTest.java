package dev.pinch.evaluator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statistics against the reference written by {@code src/test/python/make_bootstrap_golden.py} (numpy/scipy):
 * the same SplitMix64 draws, then interval, p-value, Holm and kappa computed on the Python side.
 */
class BootstrapGoldenTest {

    private static final double TOLERANCE = 1e-6;
    private static JsonNode golden;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = BootstrapGoldenTest.class.getResourceAsStream("bootstrap-golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        assertThat(golden.path("bootstrap")).hasSize(5);
    }

    @Test
    void splitMix64DrawsWhatPythonDraws() {
        for (JsonNode g : golden.path("splitmix64")) {
            SplitMix64 rng = new SplitMix64(g.path("seed").asLong());
            for (JsonNode expected : g.path("longs")) {
                assertThat(rng.nextLong()).isEqualTo(Long.parseLong(expected.asText()));
            }
            SplitMix64 ints = new SplitMix64(g.path("seed").asLong());
            for (JsonNode expected : g.path("ints")) {
                assertThat(ints.nextInt(g.path("bound").asInt())).isEqualTo(expected.asInt());
            }
        }
    }

    @Test
    void intervalsPValuesAndSeedSpreadMatchTheReference() {
        for (JsonNode c : golden.path("bootstrap")) {
            List<Estimand.Term> terms = new ArrayList<>();
            c.path("terms").forEach(t -> terms.add(new Estimand.Term(t.path("weight").asDouble(),
                    t.path("mix").asText(), strings(t.path("languages")))));
            Bootstrap bootstrap = new Bootstrap(c.path("resamples").asInt(), c.path("level").asDouble(),
                    c.path("seed").asLong());
            Interval got = bootstrap.estimate(new Estimand(terms), data(c.path("data")), c.path("null").asDouble())
                    .orElseThrow();
            JsonNode e = c.path("expected");
            String name = c.path("name").asText();
            assertThat(got.value()).as(name).isCloseTo(e.path("value").asDouble(), within(TOLERANCE));
            assertThat(got.low()).as(name).isCloseTo(e.path("low").asDouble(), within(TOLERANCE));
            assertThat(got.high()).as(name).isCloseTo(e.path("high").asDouble(), within(TOLERANCE));
            assertThat(got.p()).as(name).isCloseTo(e.path("p").asDouble(), within(TOLERANCE));
            assertThat(got.prompts()).as(name).isEqualTo(e.path("prompts").asInt());
            assertThat(got.seeds()).as(name).isEqualTo(e.path("seeds").asInt());
            assertThat(got.seedValues()).as(name).hasSize(e.path("seedValues").size());
            for (int i = 0; i < got.seedValues().size(); i++) {
                assertThat(got.seedValues().get(i)).isCloseTo(e.path("seedValues").get(i).asDouble(), within(TOLERANCE));
            }
        }
    }

    @Test
    void fewDiscordantPromptsAreNotSignificantThoughTheBootstrapIntervalExcludesZero() {
        JsonNode c = golden.path("bootstrap").get(4);
        assertThat(c.path("name").asText()).startsWith("four discordant");
        Interval got = new Bootstrap(c.path("resamples").asInt(), 0.95, c.path("seed").asLong())
                .estimate(Estimand.difference("pinch-p1", "mono-en", List.of("ru")), data(c.path("data")), 0)
                .orElseThrow();
        assertThat(got.low()).isGreaterThan(0);
        assertThat(got.p()).as("exact sign test: 2 / 2^4").isCloseTo(0.125, within(0.02));
    }

    @Test
    void theSingleCellIntervalAgreesWithScipysOwnBootstrap() {
        JsonNode c = golden.path("bootstrap").get(0);
        JsonNode scipy = c.path("scipyPercentile");
        Interval got = new Bootstrap(c.path("resamples").asInt(), 0.95, c.path("seed").asLong())
                .estimate(Estimand.cell("pinch-p1", "es"), data(c.path("data")), 50).orElseThrow();
        // Different random draws (scipy's generator, 20,000 resamples): agreement within Monte Carlo error.
        assertThat(got.low()).isCloseTo(scipy.path("low").asDouble(), within(2.5));
        assertThat(got.high()).isCloseTo(scipy.path("high").asDouble(), within(2.5));
    }

    @Test
    void holmAndKappaMatchTheReference() {
        JsonNode h = golden.path("holm").get(0);
        double[] p = new double[h.path("p").size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = h.path("p").get(i).asDouble();
        }
        double[] adjusted = Holm.adjust(p);
        for (int i = 0; i < p.length; i++) {
            assertThat(adjusted[i]).isCloseTo(h.path("adjusted").get(i).asDouble(), within(TOLERANCE));
        }
        JsonNode k = golden.path("kappa").get(0);
        assertThat(Kappa.of(strings(k.path("a")), strings(k.path("b"))))
                .isCloseTo(k.path("kappa").asDouble(), within(TOLERANCE));
    }

    private static PromptData data(JsonNode node) {
        Map<String, Map<String, List<Map<String, Double>>>> byMix = new TreeMap<>();
        node.properties().forEach(mix -> mix.getValue().properties().forEach(lang -> {
            List<Map<String, Double>> replicates = new ArrayList<>();
            lang.getValue().forEach(r -> {
                Map<String, Double> values = new TreeMap<>();
                r.properties().forEach(v -> values.put(v.getKey(), v.getValue().asDouble()));
                replicates.add(values);
            });
            byMix.computeIfAbsent(mix.getKey(), k -> new TreeMap<>()).put(lang.getKey(), replicates);
        }));
        return (mix, lang) -> byMix.getOrDefault(mix, Map.of()).getOrDefault(lang, List.of());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
