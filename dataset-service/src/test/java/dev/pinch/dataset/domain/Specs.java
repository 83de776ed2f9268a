package dev.pinch.dataset.domain;

import java.util.List;
import java.util.Map;

/** Spec builders for the domain tests. */
final class Specs {

    private Specs() {
    }

    static ExperimentSpec experiment(Integer budget, Long seed, DesignSpec... designs) {
        return new ExperimentSpec("exp-1", null, budget, seed, null, null, null, List.of(designs));
    }

    static DesignSpec design(String type) {
        return new DesignSpec(type, null, null, null, null, null, null, null, null);
    }

    static DesignSpec named(String type, String name, List<String> languages) {
        return new DesignSpec(type, name, languages, null, null, null, null, null, null);
    }

    static DesignSpec pinch(String name, List<Double> percents, List<Integer> counts) {
        return new DesignSpec("pinch", name, null, percents, counts, null, null, null, null);
    }

    static DesignSpec withReplacement(DesignSpec d, String replacement) {
        return new DesignSpec(d.type(), d.name(), d.languages(), d.percents(), d.multilingualCounts(),
                d.baseLanguage(), replacement, d.orderings(), d.counts());
    }

    static DesignSpec custom(String name, Map<String, Integer> counts) {
        return new DesignSpec("custom", name, null, null, null, null, null, null, counts);
    }

    /** The paper's design set: 12 monolingual, the pinch sweep, seen-unseen, language count, bilingual pairs. */
    static ExperimentSpec paper(Long seed) {
        return experiment(null, seed, design("monolingual"), design("pinch"), design("seen-unseen"),
                design("language-count"), design("bilingual-pairs"));
    }

    static List<MixPlan> plan(ExperimentSpec spec, Corpus corpus) {
        return DesignPlanner.plan(SpecDefaults.normalize(spec, corpus));
    }

    static MixPlan mix(List<MixPlan> plans, String name) {
        return plans.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no mix " + name + " in " + plans.stream().map(MixPlan::name).toList()));
    }
}
