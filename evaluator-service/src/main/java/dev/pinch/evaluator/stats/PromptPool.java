package dev.pinch.evaluator.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An estimand's data laid out over one pool of prompt ids (see {@link Bootstrap} for which prompts): the arrays the
 * resampling loop reads, and the statistic for one draw of seeds and prompt counts.
 */
final class PromptPool {
    final String[] pool;
    final int[] seeds;
    final int maxSeeds;
    final Estimand estimand;
    final int[] termMix;
    /** [term][language of term] positions in the pool of the prompts resampled in that language. */
    final int[][][] positions;
    /** [term][language of term][seed][position index] scores. */
    final double[][][][] values;

    private PromptPool(Estimand e, String[] pool, int[] seeds, int[] termMix, int[][][] positions,
            double[][][][] values) {
        this.estimand = e;
        this.pool = pool;
        this.seeds = seeds;
        this.maxSeeds = Arrays.stream(seeds).max().orElse(0);
        this.termMix = termMix;
        this.positions = positions;
        this.values = values;
    }

    static Optional<PromptPool> of(Estimand e, PromptData data) {
        List<String> mixes = e.mixes();
        int[] seeds = new int[mixes.size()];
        for (int m = 0; m < mixes.size(); m++) {
            String mix = mixes.get(m);
            Set<Integer> sizes = new HashSet<>();
            e.terms().stream().filter(t -> t.mix().equals(mix)).flatMap(t -> t.languages().stream())
                    .forEach(lang -> sizes.add(data.replicates(mix, lang).size()));
            if (sizes.size() != 1 || sizes.contains(0)) {
                return Optional.empty();
            }
            seeds[m] = sizes.iterator().next();
        }
        Map<String, Set<String>> measured = new HashMap<>();
        for (String lang : e.languages()) {
            Set<String> ids = null;
            for (Estimand.Term t : e.terms()) {
                if (t.languages().contains(lang)) {
                    for (Map<String, Double> replicate : data.replicates(t.mix(), lang)) {
                        if (ids == null) {
                            ids = new TreeSet<>(replicate.keySet());
                        } else {
                            ids.retainAll(replicate.keySet());
                        }
                    }
                }
            }
            if (ids == null || ids.isEmpty()) {
                return Optional.empty();
            }
            measured.put(lang, ids);
        }
        TreeSet<String> union = new TreeSet<>();
        measured.values().forEach(union::addAll);
        String[] pool = union.toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < pool.length; i++) {
            index.put(pool[i], i);
        }
        int terms = e.terms().size();
        int[] termMix = new int[terms];
        int[][][] positions = new int[terms][][];
        double[][][][] values = new double[terms][][][];
        for (int t = 0; t < terms; t++) {
            Estimand.Term term = e.terms().get(t);
            termMix[t] = mixes.indexOf(term.mix());
            positions[t] = new int[term.languages().size()][];
            values[t] = new double[term.languages().size()][][];
            for (int j = 0; j < term.languages().size(); j++) {
                String lang = term.languages().get(j);
                List<String> ids = new ArrayList<>(measured.get(lang));
                positions[t][j] = ids.stream().mapToInt(index::get).toArray();
                List<Map<String, Double>> replicates = data.replicates(term.mix(), lang);
                values[t][j] = new double[replicates.size()][];
                for (int r = 0; r < replicates.size(); r++) {
                    Map<String, Double> rep = replicates.get(r);
                    values[t][j][r] = ids.stream().mapToDouble(rep::get).toArray();
                }
            }
        }
        return Optional.of(new PromptPool(e, pool, seeds, termMix, positions, values));
    }

    /**
     * The statistic for seed draws {@code [slot][mix]} and prompt counts {@code [slot][pool position]}; seed
     * draws null: every seed of each mix (the point estimate), counts null: every prompt once. NaN when a
     * language drew none of its prompts.
     */
    double statistic(int[][] seedDraws, int[][] counts) {
        double stat = 0;
        for (int t = 0; t < positions.length; t++) {
            int m = termMix[t];
            double termSum = 0;
            for (int j = 0; j < positions[t].length; j++) {
                double slots = 0;
                int slotCount = seedDraws == null ? seeds[m] : seedDraws.length;
                for (int k = 0; k < slotCount; k++) {
                    double[] x = values[t][j][seedDraws == null ? k : seedDraws[k][m]];
                    double num = 0;
                    double den = 0;
                    for (int q = 0; q < x.length; q++) {
                        int c = counts == null ? 1 : counts[k][positions[t][j][q]];
                        num += c * x[q];
                        den += c;
                    }
                    if (den == 0) {
                        return Double.NaN;
                    }
                    slots += num / den;
                }
                termSum += slots / slotCount;
            }
            stat += estimand.terms().get(t).weight() * termSum / positions[t].length;
        }
        return stat;
    }

    /**
     * Each pooled prompt's share of the point estimate (seeds averaged): the estimate is their sum. For a contrast
     * these are the per-prompt paired differences a sign-flip test randomises.
     */
    double[] contributions() {
        double[] c = new double[pool.length];
        for (int t = 0; t < positions.length; t++) {
            double w = estimand.terms().get(t).weight() / positions[t].length;
            for (int j = 0; j < positions[t].length; j++) {
                double[][] bySeed = values[t][j];
                for (int q = 0; q < positions[t][j].length; q++) {
                    double mean = 0;
                    for (double[] seedValues : bySeed) {
                        mean += seedValues[q];
                    }
                    c[positions[t][j][q]] += w * mean / bySeed.length / positions[t][j].length;
                }
            }
        }
        return c;
    }
}
