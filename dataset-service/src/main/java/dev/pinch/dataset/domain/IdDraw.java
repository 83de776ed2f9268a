package dev.pinch.dataset.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which example ids each language of a mix takes: the single rule that both {@link MixAssembler} (to draw) and
 * {@link SpecValidator} (to check a mix can be drawn) use, so the two never disagree.
 */
final class IdDraw {

    /** A language that could not get all the ids it needs. */
    record Shortfall(String language, int needed, int found, int trainIds) {
    }

    /** Ids per language in σ order, or the first shortfall (then {@code ids} is partial). */
    record Result(Map<String, List<String>> ids, Shortfall shortfall) {
    }

    private IdDraw() {
    }

    /**
     * σ: every id with a train example in some language of the corpus, ordered by a seeded hash of the id
     * (ties by id). It depends on the seed and the corpus's ids only, so all mixes of an experiment share it,
     * and the relative order of two ids never depends on which other ids exist.
     */
    static List<String> order(Corpus corpus, long seed) {
        Set<String> ids = new TreeSet<>();
        for (String lang : corpus.languages()) {
            ids.addAll(corpus.trainIds(lang));
        }
        long key = SeededOrder.derive(seed, "train-id-order");
        record Keyed(long key, String id) {
        }
        List<Keyed> keyed = new ArrayList<>(ids.size());
        for (String id : ids) {
            keyed.add(new Keyed(SeededOrder.key(key, id), id));
        }
        keyed.sort(Comparator.comparingLong(Keyed::key).thenComparing(Keyed::id));
        return keyed.stream().map(Keyed::id).toList();
    }

    /**
     * The languages in drawing order: the plan's base language first (when it has examples), then the others
     * sorted by code.
     */
    static List<String> languageOrder(MixPlan plan) {
        List<String> out = new ArrayList<>();
        String base = plan.baseLanguage();
        if (base != null && plan.counts().containsKey(base)) {
            out.add(base);
        }
        plan.counts().keySet().stream().sorted().filter(l -> !l.equals(base)).forEach(out::add);
        return out;
    }

    /**
     * distinct-ids: each language, in {@link #languageOrder}, takes the first ids of σ that have a train example
     * in it and that no earlier language took. same-ids: each language takes the first ids of σ that have a
     * train example in it, whatever the others took.
     *
     * <p>The greedy rule always succeeds when the mix's total is at most the number of ids with a train example in
     * every language of the mix (whatever the base takes, at least that many such ids minus the base's count
     * remain for the others). Beyond that, on a corpus with missing translations, it can fail where a cleverer
     * assignment would not; {@link SpecValidator} then rejects the mix with both numbers.
     */
    static Result draw(Corpus corpus, List<String> sigma, MixPlan plan) {
        Map<String, Integer> position = new HashMap<>(sigma.size() * 2);
        for (int i = 0; i < sigma.size(); i++) {
            position.put(sigma.get(i), i);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        boolean[] used = new boolean[sigma.size()];
        boolean distinct = plan.replacement() != Replacement.SAME_IDS;
        for (String lang : languageOrder(plan)) {
            int needed = plan.counts().get(lang);
            Set<String> own = corpus.trainIds(lang);
            boolean[] available = new boolean[sigma.size()];
            for (String id : own) {
                Integer at = position.get(id);
                if (at != null) {
                    available[at] = true;
                }
            }
            List<String> taken = new ArrayList<>(Math.min(needed, sigma.size()));
            for (int i = 0; i < sigma.size() && taken.size() < needed; i++) {
                if (available[i] && !(distinct && used[i])) {
                    taken.add(sigma.get(i));
                    used[i] = true;
                }
            }
            out.put(lang, taken);
            if (taken.size() < needed) {
                return new Result(out, new Shortfall(lang, needed, taken.size(), own.size()));
            }
        }
        return new Result(out, null);
    }
}
