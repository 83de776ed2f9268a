package dev.pinch.dataset.domain;

import dev.pinch.events.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an experiment spec against a corpus before anything is planned or drawn. Every problem is reported,
 * each with a field path ({@code budget}, {@code designs[2].type}, {@code designs[0].percents[1]}, ...).
 *
 * <p>Checks: {@code id} (when given) matches {@code ^[a-z0-9][a-z0-9-]{0,62}$}; {@code seed} is in
 * [0, 2<sup>32</sup> − 1] (so every downstream tool, numpy included, accepts it); {@code budget} ≥ 1;
 * languages are valid codes of the corpus, none listed twice (defaults the user did not write are reported
 * only when a design uses them); at least one design; each design's type is known, its name usable in mix
 * names, its replacement known; per type: percents in [0, 100], explicit counts in [1, budget] with a
 * non-base language to go to, no percent or count twice, orderings in [1, n!], an even number of languages for
 * bilingual-pairs, custom counts in the corpus's languages and ≥ 0 (a custom mix's total need not equal the
 * budget); no two designs with the same name, no two mixes with the same name, at most
 * {@value MixChecks#MAX_MIXES} mixes in all. A pinch or seen-unseen base
 * language missing from the design's languages is not an error: normalisation adds it.
 *
 * <p>Availability, only when all the above pass: every planned mix must be drawable with the rule
 * {@link MixAssembler} uses. With {@code distinct-ids} a mix of total T needs T distinct ids among those with a
 * train example in at least one of its languages (on a parallel corpus: the ids in all of them), and each
 * language L needs c<sub>L</sub> ids of its own not taken by the languages drawn before it; with
 * {@code same-ids} each language needs c<sub>L</sub> train examples. The first mix of each design that cannot be
 * drawn is reported, at {@code budget} (or {@code designs[i].counts} for custom designs), with the numbers,
 * including the number of ids with a train example in all of the mix's languages: a mix no larger than that
 * can always be drawn (the validator and the assembler share one drawing rule, so whatever passes here draws).
 */
public final class SpecValidator {

    private static final long MAX_SEED = 0xFFFF_FFFFL;

    private SpecValidator() {
    }

    /** Whether {@code id} is a valid experiment id (lower-case letters, digits, dashes; at most 63). */
    public static boolean validId(String id) {
        return dev.pinch.events.Names.valid(id);
    }

    /** {@link SpecDefaults#normalize(ExperimentSpec, Corpus)}. */
    public static ExperimentSpec normalize(ExperimentSpec spec, Corpus corpus) {
        return SpecDefaults.normalize(spec, corpus);
    }

    /** Every violation of {@code spec} (as posted, or normalised) against {@code corpus}; empty when valid. */
    public static List<Violation> validate(ExperimentSpec spec, Corpus corpus) {
        return check(spec, corpus).violations();
    }

    /**
     * What validation found and computed.
     *
     * @param violations every violation; empty when the spec is valid
     * @param plans      when valid, the mix plans of every design in design order, each checked drawable: what
     *                   is written, so that nothing is planned twice; else empty
     */
    public record Checked(List<Violation> violations, List<MixPlan> plans) {
    }

    /** Validates {@code spec} (as posted, or normalised) against {@code corpus}, keeping the plans it computed. */
    public static Checked check(ExperimentSpec spec, Corpus corpus) {
        List<Violation> out = new ArrayList<>();
        ExperimentSpec n = SpecDefaults.normalize(spec, corpus);
        if (spec.id() != null && !validId(spec.id())) {
            out.add(new Violation("id", "must be 1 to 63 lower-case letters, digits or '-', starting with a letter"
                    + " or digit (^[a-z0-9][a-z0-9-]{0,62}$); got '" + spec.id() + "'"));
        }
        if (n.seed() < 0 || n.seed() > MAX_SEED) {
            out.add(new Violation("seed", "must be between 0 and " + MAX_SEED + ", got " + n.seed()));
        }
        seeds(spec, out);
        if (n.budget() < 1) {
            out.add(new Violation("budget", spec.budget() != null ? "must be at least 1, got " + spec.budget()
                    : "defaults to the number of ids with a train example in every language of corpus '"
                            + corpus.manifest().name() + "', which is 0; set a budget of at least 1"));
        }
        if (n.designs().isEmpty()) {
            out.add(new Violation("designs", "must contain at least one design"));
        }
        boolean experimentLanguagesUsed = false;
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < n.designs().size(); i++) {
            DesignSpec d = n.designs().get(i);
            experimentLanguagesUsed |= DesignChecks.check(i, spec.designs().get(i), d, n.budget(), corpus, out);
            if (d != null && d.name() != null) {
                Integer first = names.putIfAbsent(d.name(), i);
                if (first != null) {
                    out.add(new Violation("designs[" + i + "].name", "duplicate design name '" + d.name()
                            + "' (also designs[" + first + "]); give each design its own name"));
                }
            }
        }
        if (spec.languages() != null) {
            LanguageChecks.explicit(spec.languages(), "languages", corpus, out);
        } else if (experimentLanguagesUsed) {
            LanguageChecks.defaulted(n.languages(), "languages", "the paper's 12 languages", corpus, out);
        }
        List<MixPlan> plans = out.isEmpty() ? MixChecks.check(n, corpus, out) : List.of();
        return new Checked(List.copyOf(out), out.isEmpty() ? plans : List.of());
    }

    /** {@code seeds}: 1 to {@value ExperimentSpec#MAX_SEEDS} distinct seeds in [0, 2^32 − 1], and no training seed. */
    private static void seeds(ExperimentSpec spec, List<Violation> out) {
        List<Long> seeds = spec.seeds();
        if (seeds == null) {
            return;
        }
        if (seeds.isEmpty() || seeds.size() > ExperimentSpec.MAX_SEEDS) {
            out.add(new Violation("seeds", "must list 1 to " + ExperimentSpec.MAX_SEEDS + " training seeds, got "
                    + seeds.size() + " (leave it out for one run per mix)"));
        }
        for (int i = 0; i < seeds.size(); i++) {
            Long s = seeds.get(i);
            if (s == null || s < 0 || s > MAX_SEED) {
                out.add(new Violation("seeds[" + i + "]", "must be between 0 and " + MAX_SEED + ", got " + s));
            } else if (seeds.indexOf(s) < i) {
                out.add(new Violation("seeds[" + i + "]", "seed " + s + " is listed twice"));
            }
        }
        if (spec.training() != null && spec.training().containsKey("seed")) {
            out.add(new Violation("training.seed", "cannot be given together with seeds: each run's training seed"
                    + " comes from seeds"));
        }
    }
}
