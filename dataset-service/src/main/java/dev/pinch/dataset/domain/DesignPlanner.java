package dev.pinch.dataset.domain;

import dev.pinch.events.DesignRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a normalised spec's designs into {@link MixPlan}s: how many examples each language of each mix gets.
 * Call it on a spec that {@link SpecValidator} accepted; it throws {@link IllegalArgumentException} otherwise.
 *
 * <p>Mix names (all unique in an experiment), for a design named {@code d}:
 * <ul>
 *   <li>monolingual: {@code mono-<lang>} when the design has its default name {@code monolingual}, else
 *       {@code d-<lang>} (so that, e.g., a second monolingual design over the Slavic set can share languages);</li>
 *   <li>pinch, seen-unseen: {@code d-p<P>} per percent ({@code p1}, {@code p10}, {@code p0.5}) and {@code d-n<C>}
 *       per explicit count (see {@code SweepPlans});</li>
 *   <li>multilingual, custom: {@code d};</li>
 *   <li>language-count: {@code d-o<k>-n<n>}: the first n languages of seeded permutation k (1-based), n = 1..N;</li>
 *   <li>bilingual-pairs: {@code d-<a>-<b>} with a &lt; b, from consecutive pairs of a seeded permutation.</li>
 * </ul>
 * Languages that get 0 examples are left out of a mix's counts and of its {@code DesignRef.languages}.
 *
 * <p>Seeds: a design's seed is {@code SeededOrder.derive(experimentSeed, designName)}, and each even split's
 * remainder order uses {@code SeededOrder.derive(designSeed, mixName)}; so renaming a design reseeds it, and
 * adding or removing other designs changes nothing in it. Language lists are sorted before any permutation, so
 * only their contents matter. A language-count design's orderings are distinct permutations (redrawn on a
 * repeat); note that its n = N mixes (and any equal prefixes) have the same languages under different names.
 */
public final class DesignPlanner {

    private DesignPlanner() {
    }

    /** Plans every design of {@code normalizedSpec} with its own budget. */
    public static List<MixPlan> plan(ExperimentSpec normalizedSpec) {
        return plan(normalizedSpec, normalizedSpec.budget());
    }

    /** Plans every design of {@code normalizedSpec}, in design order, with {@code budget} examples per mix. */
    public static List<MixPlan> plan(ExperimentSpec normalizedSpec, int budget) {
        long seed = normalizedSpec.seed() == null ? ExperimentSpec.DEFAULT_SEED : normalizedSpec.seed();
        List<MixPlan> plans = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DesignSpec design : normalizedSpec.designs()) {
            for (MixPlan plan : planDesign(design, budget, seed)) {
                if (!names.add(plan.name())) {
                    throw new IllegalArgumentException("two mixes are named '" + plan.name() + "'");
                }
                plans.add(plan);
            }
        }
        return List.copyOf(plans);
    }

    /** The mixes of one normalised design. */
    public static List<MixPlan> planDesign(DesignSpec d, int budget, long experimentSeed) {
        DesignType type = DesignType.parse(d.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown design type: " + d.type()));
        Replacement replacement = Replacement.parse(d.replacement())
                .orElseThrow(() -> new IllegalArgumentException("unknown replacement: " + d.replacement()));
        long seed = SeededOrder.derive(experimentSeed, d.name());
        List<MixPlan> out = new ArrayList<>();
        switch (type) {
            case MONOLINGUAL -> {
                String prefix = d.name().equals(type.wire()) ? "mono" : d.name();
                for (String lang : d.languages()) {
                    out.add(mix(prefix + "-" + lang, d, Map.of(lang, budget), Map.of(), null, replacement));
                }
            }
            case PINCH, SEEN_UNSEEN -> out.addAll(SweepPlans.plan(d, type, budget, seed, replacement));
            case MULTILINGUAL -> out.add(mix(d.name(), d, Allocation.split(budget, d.languages(),
                    SeededOrder.derive(seed, d.name())), Map.of(), null, replacement));
            case LANGUAGE_COUNT -> {
                List<List<String>> orderings = orderings(d.languages(), d.orderings(), seed);
                for (int k = 1; k <= orderings.size(); k++) {
                    List<String> order = orderings.get(k - 1);
                    for (int n = 1; n <= order.size(); n++) {
                        String name = d.name() + "-o" + k + "-n" + n;
                        out.add(mix(name, d, Allocation.split(budget, order.subList(0, n), SeededOrder.derive(seed, name)),
                                Map.of("ordering", "" + k, "n", "" + n, "order", String.join(",", order)),
                                null, replacement));
                    }
                }
            }
            case BILINGUAL_PAIRS -> {
                List<String> order = SeededOrder.shuffled(d.languages(), SeededOrder.derive(seed, "pairs"));
                if (order.size() % 2 != 0) {
                    throw new IllegalArgumentException("bilingual-pairs needs an even number of languages: " + order);
                }
                for (int i = 0; i < order.size(); i += 2) {
                    List<String> pair = order.subList(i, i + 2).stream().sorted().toList();
                    String name = d.name() + "-" + pair.get(0) + "-" + pair.get(1);
                    out.add(mix(name, d, Allocation.split(budget, pair, SeededOrder.derive(seed, name)),
                            Map.of(), null, replacement));
                }
            }
            case CUSTOM -> out.add(mix(d.name(), d, d.counts(), Map.of(), null, replacement));
        }
        return out;
    }

    /** {@code count} distinct seeded permutations of {@code languages} (sorted first). */
    static List<List<String>> orderings(List<String> languages, int count, long seed) {
        List<String> sorted = languages.stream().sorted().toList();
        SeededOrder random = new SeededOrder(SeededOrder.derive(seed, "orderings"));
        List<List<String>> out = new ArrayList<>();
        for (int attempts = 0; out.size() < count; attempts++) {
            if (attempts > 100_000) {
                throw new IllegalArgumentException("cannot draw " + count + " distinct orderings of " + sorted);
            }
            List<String> candidate = List.copyOf(random.shuffle(sorted));
            if (!out.contains(candidate)) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** A plan from raw counts: zeros dropped, sorted by language, with its {@link DesignRef}. */
    static MixPlan mix(String name, DesignSpec d, Map<String, Integer> rawCounts, Map<String, String> params,
            String base, Replacement replacement) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        rawCounts.forEach((lang, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("negative count for " + lang + " in mix " + name + ": " + n);
            }
            if (n > 0) {
                counts.put(lang, n);
            }
        });
        DesignRef ref = new DesignRef(d.type(), d.name(), List.copyOf(counts.keySet()),
                Collections.unmodifiableSortedMap(new TreeMap<>(params)));
        return new MixPlan(name, ref, Collections.unmodifiableSortedMap(counts), base, replacement);
    }
}
