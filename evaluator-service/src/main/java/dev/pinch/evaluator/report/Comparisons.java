package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.CheckpointEvaluation;
import dev.pinch.evaluator.domain.Metric;
import dev.pinch.evaluator.report.ExperimentReport.Comparison;
import dev.pinch.evaluator.stats.Estimand;
import dev.pinch.evaluator.stats.Holm;
import dev.pinch.evaluator.stats.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The paired comparisons between mixes, each a difference on the same prompts with its bootstrap interval and
 * p-value, Holm-corrected within its family (the languages of one claim): every sweep point against P = 0 (per
 * non-base language, their mean, and the base language), the gain on unseen minus the gain on seen languages,
 * P = 100 against each monolingual model, and each language count n against n − 1.
 */
final class Comparisons {

    private final ReportData data;
    private final List<String> languages;
    private final Metric metric;
    private final List<Comparison> out = new ArrayList<>();

    private Comparisons(ReportData data, List<String> languages, Metric metric) {
        this.data = data;
        this.languages = languages;
        this.metric = metric;
    }

    static List<Comparison> of(ReportData data, List<String> languages, Metric metric) {
        Comparisons c = new Comparisons(data, languages, metric);
        c.sweeps();
        c.hundredVsMonolingual();
        c.languageCounts();
        return c.out;
    }

    private void sweeps() {
        Designs.byDesign(data.rows(), Set.of("pinch", "seen-unseen")).forEach((design, mixes) -> {
            CheckpointEvaluation zero = Designs.zeroPoint(mixes, data.rows());
            if (zero == null) {
                return;
            }
            String base = Designs.base(mixes.get(0));
            Set<String> seen = Designs.seen(mixes.get(0));
            List<String> allNonBase = languages.stream().filter(l -> !l.equals(base)).toList();
            List<String> allUnseen = languages.stream().filter(l -> !seen.contains(l)).toList();
            List<String> allSeenNonBase = allNonBase.stream().filter(seen::contains).toList();
            mixes.stream().filter(e -> Designs.share(e) > 0).sorted(Comparator.comparingDouble(Designs::share))
                    .forEach(p -> {
                        List<String> nonBase = both(p, zero, allNonBase);
                        List<String> unseen = both(p, zero, allUnseen);
                        List<String> seenNonBase = both(p, zero, allSeenNonBase);
                        String vs = p.mixName() + " − " + zero.mixName() + " (P=0)";
                        family(vs, nonBase.stream().map(l -> item(vs + " on " + l,
                                Estimand.difference(p.mixName(), zero.mixName(), List.of(l)))).toList());
                        if (!nonBase.isEmpty()) {
                            family(vs + ", mean", List.of(item(vs + " on non-" + base + " mean",
                                    Estimand.difference(p.mixName(), zero.mixName(), nonBase))));
                        }
                        family(vs + ", base", List.of(item(vs + " on " + base,
                                Estimand.difference(p.mixName(), zero.mixName(), List.of(base)))));
                        if (!unseen.isEmpty() && !seenNonBase.isEmpty()) {
                            Estimand gainUnseen = Estimand.difference(p.mixName(), zero.mixName(), unseen);
                            family(vs + ", unseen", List.of(item(vs + " on unseen languages mean", gainUnseen),
                                    item("gain on unseen − gain on seen, " + p.mixName(), gainUnseen.minus(
                                            Estimand.difference(p.mixName(), zero.mixName(), seenNonBase)))));
                        }
                    });
        });
    }

    private void hundredVsMonolingual() {
        CheckpointEvaluation hundred = Designs.pinchHundred(data.rows());
        if (hundred == null) {
            return;
        }
        String family = hundred.mixName() + " − mono-L";
        List<Item> items = new ArrayList<>();
        for (String lang : languages) {
            CheckpointEvaluation mono = Designs.monolingual(data.rows(), lang);
            if (mono != null) {
                items.add(item(hundred.mixName() + " − " + mono.mixName() + " on " + lang,
                        Estimand.difference(hundred.mixName(), mono.mixName(), List.of(lang))));
            }
        }
        family(family, items);
    }

    private void languageCounts() {
        Designs.byDesign(data.rows(), Set.of("language-count")).forEach((design, mixes) -> {
            List<Integer> counts = mixes.stream().map(Designs::count).distinct().sorted().toList();
            List<Item> items = new ArrayList<>();
            for (int i = 1; i < counts.size(); i++) {
                Estimand at = Curves.languageCountAt(data, languages, metric, mixes, counts.get(i), true);
                Estimand before = Curves.languageCountAt(data, languages, metric, mixes, counts.get(i - 1), true);
                if (at != null && before != null) {
                    items.add(item(design + ": n=" + counts.get(i) + " − n=" + counts.get(i - 1)
                            + " on unseen languages", at.minus(before)));
                }
            }
            family(design + ": n vs n−1", items);
        });
    }

    /** The languages measured for both mixes. */
    private List<String> both(CheckpointEvaluation a, CheckpointEvaluation b, List<String> langs) {
        return langs.stream().filter(l -> data.cell(a.mixName(), l, metric) != null
                && data.cell(b.mixName(), l, metric) != null).toList();
    }

    private record Item(String label, Estimand estimand) {
    }

    private static Item item(String label, Estimand estimand) {
        return new Item(label, estimand);
    }

    /** Estimates the family's measurable items and adds them with Holm-adjusted p-values. */
    private void family(String family, List<Item> items) {
        List<Item> kept = new ArrayList<>();
        List<Interval> estimates = new ArrayList<>();
        for (Item item : items) {
            Interval v = data.estimate(item.estimand(), metric, 0);
            if (v != null) {
                kept.add(item);
                estimates.add(v);
            }
        }
        Double[] holm = Holm.adjust(estimates.stream().map(Interval::p).toArray(Double[]::new));
        for (int i = 0; i < kept.size(); i++) {
            out.add(new Comparison(family, kept.get(i).label(), metric.key(), kept.get(i).estimand().languages(),
                    estimates.get(i), holm[i]));
        }
    }
}
