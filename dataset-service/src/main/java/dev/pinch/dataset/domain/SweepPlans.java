package dev.pinch.dataset.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mixes of a pinch or seen-unseen design (its languages include the base language, as normalised).
 *
 * <ul>
 *   <li>Percent P: M = {@link Allocation#percentOf}(budget, P) examples split evenly over <em>all</em> the
 *       design's languages, base included; the base language also gets the other budget − M. P = 0 is all base.
 *       Params: {@code percent}, {@code base}.</li>
 *   <li>Explicit count C: C split evenly over the non-base languages; the base language gets budget − C.
 *       Params: {@code count}, {@code base}.</li>
 * </ul>
 * Seen-unseen mixes also carry {@code seen}: the design's languages, sorted, comma-separated.
 */
final class SweepPlans {

    private SweepPlans() {
    }

    static List<MixPlan> plan(DesignSpec d, DesignType type, int budget, long seed, Replacement replacement) {
        String base = d.baseLanguage();
        List<String> languages = d.languages();
        List<String> others = languages.stream().filter(l -> !l.equals(base)).toList();
        Map<String, String> common = new TreeMap<>();
        common.put("base", base);
        // The languages the multilingual part may draw from, and the budget: what the report needs to place
        // a mix on the sweep (a count C sits at 100·C/budget percent) and to split seen from unseen languages.
        common.put("seen", String.join(",", languages.stream().sorted().toList()));
        common.put("budget", Integer.toString(budget));
        List<MixPlan> out = new ArrayList<>();
        for (Double percent : d.percents()) {
            String p = Allocation.formatPercent(percent);
            String name = d.name() + "-p" + p;
            int multilingual = Allocation.percentOf(budget, percent);
            Map<String, Integer> counts = new TreeMap<>(
                    Allocation.split(multilingual, languages, SeededOrder.derive(seed, name)));
            counts.merge(base, budget - multilingual, Integer::sum);
            out.add(DesignPlanner.mix(name, d, counts, with(common, "percent", p), base, replacement));
        }
        for (Integer count : d.multilingualCounts()) {
            if (count > budget) {
                throw new IllegalArgumentException("multilingual count " + count + " exceeds the budget " + budget);
            }
            String name = d.name() + "-n" + count;
            Map<String, Integer> counts = new TreeMap<>(count == 0 && others.isEmpty()
                    ? Map.of() : Allocation.split(count, others, SeededOrder.derive(seed, name)));
            counts.put(base, budget - count);
            out.add(DesignPlanner.mix(name, d, counts, with(common, "count", "" + count), base, replacement));
        }
        return out;
    }

    private static Map<String, String> with(Map<String, String> common, String key, String value) {
        Map<String, String> params = new TreeMap<>(common);
        params.put(key, value);
        return params;
    }
}
