package dev.pinch.dataset.domain;

import dev.pinch.events.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks of a spec's planned mixes, run once its fields are valid; see {@link SpecValidator}. */
final class MixChecks {

    /** The most mixes one experiment may plan (a guard against, e.g., a million orderings). */
    static final int MAX_MIXES = 1000;

    private MixChecks() {
    }

    /**
     * Mix count, mix-name uniqueness and availability of every planned mix of a valid normalised spec.
     *
     * @return the plans of every design, in design order
     */
    static List<MixPlan> check(ExperimentSpec n, Corpus corpus, List<Violation> out) {
        long count = n.designs().stream().mapToLong(MixChecks::mixCount).sum();
        if (count > MAX_MIXES) {
            out.add(new Violation("designs", "the designs plan " + count + " mixes; at most " + MAX_MIXES
                    + " are allowed in one experiment"));
            return List.of();
        }
        List<MixPlan> all = new ArrayList<>();
        Map<String, Integer> producedBy = new HashMap<>();
        List<String> sigma = IdDraw.order(corpus, n.seed());
        for (int i = 0; i < n.designs().size(); i++) {
            DesignSpec d = n.designs().get(i);
            String path = "designs[" + i + "]";
            List<MixPlan> plans;
            try {
                plans = DesignPlanner.planDesign(d, n.budget(), n.seed());
            } catch (IllegalArgumentException e) {
                out.add(new Violation(path, e.getMessage()));
                continue;
            }
            all.addAll(plans);
            for (MixPlan plan : plans) {
                Integer other = producedBy.putIfAbsent(plan.name(), i);
                if (other != null) {
                    out.add(new Violation(path + ".name", "mix name '" + plan.name() + "' is also produced by designs["
                            + other + "]; rename one of the designs"));
                }
            }
            String field = DesignType.CUSTOM.wire().equals(d.type()) ? path + ".counts" : "budget";
            for (MixPlan plan : plans) {
                String problem = availability(plan, corpus, sigma);
                if (problem != null) {
                    out.add(new Violation(field, problem));
                    break;
                }
            }
        }
        return all;
    }

    /** Why {@code plan} cannot be drawn from {@code corpus}, or null when it can. */
    static String availability(MixPlan plan, Corpus corpus, List<String> sigma) {
        String problem = null;
        Set<String> union = new HashSet<>();
        long total = 0;
        for (Map.Entry<String, Integer> e : plan.counts().entrySet()) {
            Set<String> own = corpus.trainIds(e.getKey());
            if (problem == null && e.getValue() > own.size()) {
                problem = MixAssembler.shortfallMessage(plan,
                        new IdDraw.Shortfall(e.getKey(), e.getValue(), own.size(), own.size()));
            }
            union.addAll(own);
            total += e.getValue();
        }
        if (problem == null && plan.replacement() == Replacement.DISTINCT_IDS && total > union.size()) {
            problem = "mix '" + plan.name() + "' needs " + total + " distinct example ids (replacement distinct-ids)"
                    + " but only " + union.size() + " ids have a train example in its languages";
        }
        if (problem == null) {
            IdDraw.Result drawn = IdDraw.draw(corpus, sigma, plan);
            if (drawn.shortfall() == null) {
                return null;
            }
            problem = MixAssembler.shortfallMessage(plan, drawn.shortfall());
        }
        List<String> languages = List.copyOf(plan.counts().keySet());
        return problem + "; " + corpus.parallelTrainIds(languages).size() + " ids have a train example in every one"
                + " of its languages (" + String.join(", ", languages) + "), and a mix of at most that many"
                + " examples can always be drawn";
    }

    /** How many mixes a valid normalised design plans, without planning it. */
    static long mixCount(DesignSpec d) {
        return switch (DesignType.parse(d.type()).orElseThrow()) {
            case MONOLINGUAL -> d.languages().size();
            case PINCH, SEEN_UNSEEN -> d.percents().size() + d.multilingualCounts().size();
            case MULTILINGUAL, CUSTOM -> 1;
            case LANGUAGE_COUNT -> (long) d.orderings() * d.languages().size();
            case BILINGUAL_PAIRS -> d.languages().size() / 2;
        };
    }
}
