package dev.pinch.evaluator.stats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a bootstrap estimates: a weighted sum of terms, each the mean over some languages of one mix's mean
 * per-prompt score in that language (seeds averaged). A cell is one term with weight 1 and one language; a paired
 * difference "A − B on the non-English languages" is two terms, +1 for A and −1 for B, over the same languages.
 *
 * @param terms at least one
 */
public record Estimand(List<Term> terms) {

    /**
     * One mix's scores, averaged over {@code languages}, times {@code weight}.
     *
     * @param weight    the term's coefficient
     * @param mix       the mix (a key of the data)
     * @param languages at least one eval language
     */
    public record Term(double weight, String mix, List<String> languages) {

        /** Copies the list; requires at least one language. */
        public Term {
            languages = List.copyOf(languages);
            if (languages.isEmpty()) {
                throw new IllegalArgumentException("a term needs at least one language (mix " + mix + ")");
            }
        }
    }

    /** Copies the list; requires a term. */
    public Estimand {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("an estimand needs at least one term");
        }
    }

    /** One mix in one language. */
    public static Estimand cell(String mix, String lang) {
        return new Estimand(List.of(new Term(1, mix, List.of(lang))));
    }

    /** One mix's mean over languages. */
    public static Estimand mean(String mix, List<String> languages) {
        return new Estimand(List.of(new Term(1, mix, languages)));
    }

    /** {@code candidate − reference}, each averaged over the same languages, on the same prompts. */
    public static Estimand difference(String candidate, String reference, List<String> languages) {
        return new Estimand(List.of(new Term(1, candidate, languages), new Term(-1, reference, languages)));
    }

    /** This estimand's terms followed by {@code other}'s with their weights negated. */
    public Estimand minus(Estimand other) {
        List<Term> all = new ArrayList<>(terms);
        other.terms.forEach(t -> all.add(new Term(-t.weight(), t.mix(), t.languages())));
        return new Estimand(all);
    }

    /**
     * Whether this is a contrast: in every language the weights of the terms covering it sum to 0 (a difference
     * between mixes, or a difference of differences), so "no difference" makes each prompt's share symmetric about 0.
     */
    public boolean contrast() {
        for (String lang : languages()) {
            double sum = terms.stream().filter(t -> t.languages().contains(lang)).mapToDouble(Term::weight).sum();
            if (Math.abs(sum) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    /** The distinct mixes, in order of first appearance (the order in which seeds are drawn). */
    public List<String> mixes() {
        return List.copyOf(new LinkedHashSet<>(terms.stream().map(Term::mix).toList()));
    }

    /** The distinct languages, in order of first appearance. */
    public List<String> languages() {
        Set<String> out = new LinkedHashSet<>();
        terms.forEach(t -> out.addAll(t.languages()));
        return List.copyOf(out);
    }
}
