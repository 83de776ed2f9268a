package dev.pinch.evaluator.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * chrF and chrF++ exactly as sacrebleu 2.x's {@code sacrebleu.metrics.chrf.CHRF} computes them: character
 * n-grams (whitespace removed) up to {@link ChrFConfig#charOrder()}, word n-grams (punctuation split off)
 * up to {@link ChrFConfig#wordOrder()}, and an F-beta score from the averaged precision and recall, on a 0-100 scale.
 *
 * <p>Corpus scores sum the statistics over segments before computing the score (sacrebleu's
 * {@code corpus_score}); sentence scores use one segment. With several references, each segment keeps the
 * statistics of the reference with the best F-score. Instances are immutable and thread-safe.
 */
public final class ChrF {

    private static final double EPS = 1e-16;

    private final ChrFConfig config;

    /** A scorer with the given parameters. */
    public ChrF(ChrFConfig config) {
        this.config = config;
    }

    /** chrF with sacrebleu 2.x defaults ({@code sacrebleu.CHRF()}). */
    public static ChrF chrF() {
        return new ChrF(ChrFConfig.CHRF);
    }

    /** chrF++ with sacrebleu 2.x defaults ({@code sacrebleu.CHRF(word_order=2)}). */
    public static ChrF chrFPlusPlus() {
        return new ChrF(ChrFConfig.CHRF_PLUS_PLUS);
    }

    /** The parameters. */
    public ChrFConfig config() {
        return config;
    }

    /** Sentence-level score (0-100) of {@code hypothesis} against one reference. */
    public double sentenceScore(String hypothesis, String reference) {
        return score(statistics(hypothesis, List.of(reference)));
    }

    /** Sentence-level score (0-100) against several references (the best-matching one counts). */
    public double sentenceScore(String hypothesis, List<String> references) {
        return score(statistics(hypothesis, references));
    }

    /** Corpus-level score (0-100) of aligned hypotheses and references, one reference per segment. */
    public double corpusScore(List<String> hypotheses, List<String> references) {
        return corpusScoreMultiReference(hypotheses, List.of(references));
    }

    /**
     * Corpus-level score with several reference streams, as sacrebleu's {@code corpus_score(hyps, [refs1, refs2])}:
     * {@code referenceStreams.get(k).get(i)} is the k-th reference of segment i; a {@code null} entry means that
     * segment has fewer references.
     */
    public double corpusScoreMultiReference(List<String> hypotheses, List<List<String>> referenceStreams) {
        if (hypotheses.isEmpty()) {
            throw new IllegalArgumentException("no hypotheses to score");
        }
        if (referenceStreams.isEmpty()) {
            throw new IllegalArgumentException("no references to score against");
        }
        for (List<String> stream : referenceStreams) {
            if (stream.size() != hypotheses.size()) {
                throw new IllegalArgumentException("hypotheses and references have different lengths: "
                        + hypotheses.size() + " vs " + stream.size());
            }
        }
        ChrFStatistics total = ChrFStatistics.zero(config.order());
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> refs = new ArrayList<>(referenceStreams.size());
            for (List<String> stream : referenceStreams) {
                if (stream.get(i) != null) {
                    refs.add(stream.get(i));
                }
            }
            total = total.plus(statistics(hypotheses.get(i), refs));
        }
        return score(total);
    }

    /** Segment statistics of {@code hypothesis} against the best-scoring of {@code references}. */
    public ChrFStatistics statistics(String hypothesis, List<String> references) {
        if (hypothesis == null) {
            throw new IllegalArgumentException("hypothesis is null");
        }
        if (references.isEmpty()) {
            throw new IllegalArgumentException("a segment needs at least one reference");
        }
        List<Map<String, Integer>> hypNgrams = ngrams(preprocess(hypothesis));
        ChrFStatistics best = null;
        double bestScore = -1.0;
        for (String reference : references) {
            List<Map<String, Integer>> refNgrams = ngrams(preprocess(reference));
            long[] stats = new long[3 * config.order()];
            for (int i = 0; i < config.order(); i++) {
                ChrFText.matchStatistics(hypNgrams.get(i), refNgrams.get(i), stats, 3 * i);
            }
            ChrFStatistics candidate = ChrFStatistics.of(stats);
            double f = score(candidate);
            if (f > bestScore) {
                bestScore = f;
                best = candidate;
            }
        }
        return best;
    }

    /** The score (0-100) of (summed) statistics: sacrebleu's {@code CHRF._compute_f_score}. */
    public double score(ChrFStatistics statistics) {
        int order = config.order();
        if (statistics.order() != order) {
            throw new IllegalArgumentException("statistics of order " + statistics.order() + ", expected " + order);
        }
        double factor = (double) config.beta() * config.beta();
        double score = 0.0;
        double avgPrec = 0.0;
        double avgRec = 0.0;
        int effectiveOrder = 0;
        for (int i = 0; i < order; i++) {
            long hyp = statistics.hyp(i);
            long ref = statistics.ref(i);
            long match = statistics.match(i);
            double prec = hyp > 0 ? (double) match / hyp : EPS;
            double rec = ref > 0 ? (double) match / ref : EPS;
            double denom = factor * prec + rec;
            score += denom > 0 ? (1 + factor) * prec * rec / denom : EPS;
            if (hyp > 0 && ref > 0) {
                avgPrec += prec;
                avgRec += rec;
                effectiveOrder++;
            }
        }
        if (config.epsSmoothing()) {
            return 100 * score / order;
        }
        if (effectiveOrder == 0) {
            return 0.0;
        }
        avgPrec /= effectiveOrder;
        avgRec /= effectiveOrder;
        if (avgPrec + avgRec == 0) {
            return 0.0;
        }
        double f = (1 + factor) * avgPrec * avgRec;
        f /= (factor * avgPrec) + avgRec;
        return 100 * f;
    }

    private String preprocess(String s) {
        return config.lowercase() ? s.toLowerCase(Locale.ROOT) : s;
    }

    private List<Map<String, Integer>> ngrams(String s) {
        List<Map<String, Integer>> all = new ArrayList<>(config.order());
        int[] cps = ChrFText.codePoints(s, config.whitespace());
        for (int n = 1; n <= config.charOrder(); n++) {
            all.add(ChrFText.charNgrams(cps, n));
        }
        if (config.wordOrder() > 0) {
            List<String> words = ChrFText.removePunctuation(s);
            for (int n = 1; n <= config.wordOrder(); n++) {
                all.add(ChrFText.wordNgrams(words, n));
            }
        }
        return all;
    }
}
