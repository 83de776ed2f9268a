package dev.pinch.evaluator.report;

import dev.pinch.evaluator.domain.Example;
import dev.pinch.evaluator.stats.Interval;
import java.util.List;
import java.util.Map;

/**
 * The experiment report a researcher reads: the transfer matrices with a confidence interval per cell, the paper's
 * curves, paired comparisons between mixes, the paper's findings checked, judge diagnostics, example responses,
 * the bilingual pairs, response-language rates and, when pretraining shares are given, their correlation (§4.2).
 *
 * @param languages    eval languages (matrix columns)
 * @param baseLanguage the sweeps' base language (en unless a sweep says otherwise): "non-base" means leave it out
 * @param method       how every interval and p-value was computed
 * @param matrices     per metric key ({@code sxs}, {@code task}, {@code language}, {@code degenerate},
 *                     {@code line_pass}, {@code word_pass}): tuning mix × eval language
 * @param answerChecks per mix, eval language and classification task: the answers given, against always giving one
 *                     label
 * @param notes        what could not be scored and why (e.g. no monolingual baseline for a language)
 */
public record ExperimentReport(
        String experimentId,
        List<String> languages,
        String baseLanguage,
        Method method,
        Map<String, Matrix> matrices,
        List<Finding> findings,
        List<Comparison> comparisons,
        List<Curve> sweepCurves,
        List<Curve> languageCountCurves,
        List<PairScore> bilingualPairs,
        Map<String, Double> responseLanguageRates,
        List<JudgeDiagnostics> judgeDiagnostics,
        List<AnswerCheck> answerChecks,
        List<CellExamples> examples,
        Correlation pretrainingCorrelation,
        List<String> notes) {

    /**
     * The interval method, named so a reader can reproduce it.
     *
     * @param name        {@code percentile bootstrap}
     * @param level       confidence level (0.95)
     * @param resamples   bootstrap resamples
     * @param seed        seed of the SplitMix64 generator every estimate starts from
     * @param description what is resampled, and how the p-values and Holm correction are computed
     */
    public record Method(String name, double level, int resamples, long seed, String description) {
    }

    /**
     * Rows are mixes, columns eval languages; a null cell was not measured.
     *
     * @param values       the point estimates (seeds averaged)
     * @param intervals    the cells' estimates with their intervals (null where not measured)
     * @param nonBaseMeans per row, the mean over the eval languages other than the base language, with its interval
     * @param seeds        training seeds per row
     */
    public record Matrix(String metric, String title, List<String> rows, List<String> columns, List<List<Double>> values,
            List<List<Interval>> intervals, List<Interval> nonBaseMeans, List<Integer> seeds) {
    }

    /** One line of a chart: a design's averages over a group of languages. */
    public record Curve(String design, String series, String metric, String xLabel, List<Point> points) {
    }

    /** A point of a curve; {@code label} names the mix (e.g. {@code pinch-n40}); low/high: its interval, or null. */
    public record Point(double x, double y, String label, Double low, Double high) {
    }

    /** A bilingual pair's average on the languages it was not tuned on. */
    public record PairScore(String mix, List<String> pair, String metric, double otherLanguagesAverage, int languages) {
    }

    /**
     * A paired comparison between mixes on the same prompts.
     *
     * @param family    comparisons corrected together (Holm), e.g. all languages of "pinch-p1 vs P=0"
     * @param label     what is compared, e.g. {@code pinch-p1 − mono-en on es}
     * @param languages the eval languages averaged
     * @param estimate  the difference (candidate − reference), its interval and raw p-value (null: 0 difference)
     * @param holmP     the p-value after Holm's correction within the family (equal to p in a family of one)
     */
    public record Comparison(String family, String label, String metric, List<String> languages, Interval estimate,
            Double holmP) {
    }

    /** A finding's verdict. */
    public enum Verdict {
        SUPPORTED("✔ supported"), CONTRADICTED("✘ contradicted"), INCONCLUSIVE("inconclusive"),
        NOT_ADDRESSED("not addressed");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One of the paper's findings checked on this experiment.
     *
     * @param key       stable id ({@code p1-helps-non-base}, ...)
     * @param claim     the paper's claim
     * @param verdict   supported when the interval lies entirely on the paper's side of the threshold, contradicted
     *                  when entirely on the other side, else inconclusive; not addressed when the designs cannot test it
     * @param statistic what was measured, with the value, interval and threshold, in words
     * @param estimate  the statistic's estimate and interval, or null when not addressed
     * @param threshold the value the interval is compared with
     * @param details   per-language or per-model figures behind it, and the reason when not addressed
     */
    public record Finding(String key, String claim, Verdict verdict, String statistic, Interval estimate,
            Double threshold, List<String> details) {
    }

    /**
     * How the judge behaved in one cell (or, with mix and language "all", pooled over every judged cell).
     *
     * @param judged           prompts judged in both orders
     * @param orderConsistency share of judged prompts whose two verdicts prefer the same response (or both tie)
     * @param positionA        share of decisive verdicts (A or B) that chose position A; 0.5 is no position bias
     * @param tieRate          share of judged prompts scored a tie (the orders disagree or the judge said tie)
     * @param kappa            Cohen's kappa between the judge's and the second judge's outcomes, or null
     * @param kappaPrompts     prompts both judges judged
     */
    public record JudgeDiagnostics(String mix, String language, int judged, Double orderConsistency, Double positionA,
            Double tieRate, Double kappa, int kappaPrompts) {
    }

    /** Example responses of one cell; {@code anchor} is the HTML id the heatmap links to. */
    public record CellExamples(String mix, String language, String anchor, List<Example> examples) {
    }

    /**
     * Pearson r between a language's pretraining share and the average cross-lingual score of the model tuned
     * monolingually on it (the paper found r = 0.22).
     */
    public record Correlation(String metric, Map<String, Double> shares, Map<String, Double> crossLingualScores,
            double pearson, int n) {
    }
}
