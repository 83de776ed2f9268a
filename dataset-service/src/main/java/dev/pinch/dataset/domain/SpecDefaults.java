package dev.pinch.dataset.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Fills an {@link ExperimentSpec}'s defaults, so that two requests meaning the same experiment normalise to
 * equal specs (the basis of idempotent creation: same id + same normalised spec = same experiment).
 *
 * <p>Defaults: corpus {@value ExperimentSpec#DEFAULT_CORPUS}; seed {@value ExperimentSpec#DEFAULT_SEED};
 * languages {@link Languages#PAPER} (not intersected with the corpus: the validator reports the ones it lacks);
 * budget = the number of ids with a train example in every language of the corpus; training and eval = empty
 * maps; designs = empty list. Per design: name = type; replacement {@code distinct-ids}; and
 * <ul>
 *   <li>monolingual, pinch, multilingual, bilingual-pairs: languages = the experiment's languages;</li>
 *   <li>seen-unseen, language-count: languages = {@link Languages#PAPER_SEEN}, whatever the experiment's;</li>
 *   <li>pinch, seen-unseen: baseLanguage {@value #DEFAULT_BASE}; the base language is <em>appended</em> to the
 *       languages when missing (it is always one of a sweep's languages, never an error); when both percents
 *       and multilingualCounts are absent, the paper's sweep: percents 10, 20, …, 100 and counts [40] (the
 *       paper's "P = 1" point); when only one is given, the other is empty;</li>
 *   <li>language-count: orderings {@value #DEFAULT_ORDERINGS};</li>
 *   <li>custom: counts sorted by language.</li>
 * </ul>
 * Fields that a type does not use are kept as given. Order of lists is kept. Normalising is idempotent and never
 * throws on an invalid spec (unknown types, nulls): it leaves what it cannot interpret for the validator.
 */
public final class SpecDefaults {

    /** Default base language of pinch and seen-unseen designs. */
    public static final String DEFAULT_BASE = "en";
    /** Default number of orderings of a language-count design. */
    public static final int DEFAULT_ORDERINGS = 3;
    /** The paper's sweep: P = 10, 20, …, 100. */
    public static final List<Double> PAPER_PERCENTS =
            IntStream.rangeClosed(1, 10).mapToObj(i -> i * 10.0).toList();
    /** The paper's explicit multilingual count (its "P = 1" point: 40 examples over the 11 non-English languages). */
    public static final List<Integer> PAPER_COUNTS = List.of(40);

    private SpecDefaults() {
    }

    /** {@code spec} with every default filled in; see the class comment. */
    public static ExperimentSpec normalize(ExperimentSpec spec, Corpus corpus) {
        List<String> languages = spec.languages() == null ? Languages.PAPER : copy(spec.languages());
        int defaultBudget = corpus.parallelTrainIds(corpus.languages()).size();
        List<DesignSpec> designs = new ArrayList<>();
        if (spec.designs() != null) {
            for (DesignSpec d : spec.designs()) {
                designs.add(d == null ? null : normalize(d, languages));
            }
        }
        return new ExperimentSpec(
                spec.id(),
                spec.corpus() == null || spec.corpus().isBlank() ? ExperimentSpec.DEFAULT_CORPUS : spec.corpus(),
                spec.budget() == null ? defaultBudget : spec.budget(),
                spec.seed() == null ? ExperimentSpec.DEFAULT_SEED : spec.seed(),
                languages,
                spec.training() == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(spec.training())),
                spec.eval() == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(spec.eval())),
                Collections.unmodifiableList(designs),
                spec.seeds() == null ? null : copy(spec.seeds()));
    }

    /** One design with its defaults, given the experiment's (already defaulted) languages. */
    public static DesignSpec normalize(DesignSpec d, List<String> experimentLanguages) {
        Optional<DesignType> parsed = DesignType.parse(d.type());
        String name = d.name() == null || d.name().isBlank() ? d.type() : d.name();
        if (parsed.isEmpty()) {
            return new DesignSpec(d.type(), name, copy(d.languages()), copy(d.percents()),
                    copy(d.multilingualCounts()), d.baseLanguage(), d.replacement(), d.orderings(), sorted(d.counts()));
        }
        DesignType type = parsed.get();
        List<String> languages = d.languages() != null ? copy(d.languages()) : switch (type) {
            case SEEN_UNSEEN, LANGUAGE_COUNT -> Languages.PAPER_SEEN;
            case CUSTOM -> null;
            default -> experimentLanguages;
        };
        String base = d.baseLanguage();
        List<Double> percents = copy(d.percents());
        List<Integer> counts = copy(d.multilingualCounts());
        if (type.isSweep()) {
            base = base == null ? DEFAULT_BASE : base;
            if (!languages.contains(base)) {
                List<String> withBase = new ArrayList<>(languages);
                withBase.add(base);
                languages = Collections.unmodifiableList(withBase);
            }
            if (percents == null && counts == null) {
                percents = PAPER_PERCENTS;
                counts = PAPER_COUNTS;
            }
            percents = percents == null ? List.of() : percents;
            counts = counts == null ? List.of() : counts;
        }
        Integer orderings = d.orderings();
        if (type == DesignType.LANGUAGE_COUNT && orderings == null) {
            orderings = DEFAULT_ORDERINGS;
        }
        String replacement = d.replacement() == null ? Replacement.DISTINCT_IDS.wire() : d.replacement();
        return new DesignSpec(d.type(), name, languages, percents, counts, base, replacement, orderings,
                sorted(d.counts()));
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    private static Map<String, Integer> sorted(Map<String, Integer> counts) {
        if (counts == null) {
            return null;
        }
        TreeMap<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k == null ? "" : k, v));
        return Collections.unmodifiableSortedMap(out);
    }
}
