package dev.pinch.evaluator.report;

import java.util.List;
import java.util.Map;

/**
 * The experiment report a researcher reads: the transfer matrices, the paper's curves, the bilingual
 * pairs, response-language rates and, when pretraining shares are given, their correlation (§4.2).
 *
 * @param languages eval languages (matrix columns)
 * @param matrices  per metric key ({@code sxs}, {@code task}, {@code language}): tuning mix × eval language
 * @param notes     what could not be scored and why (e.g. no monolingual baseline for a language)
 */
public record ExperimentReport(
        String experimentId,
        List<String> languages,
        Map<String, Matrix> matrices,
        List<Curve> sweepCurves,
        List<Curve> languageCountCurves,
        List<PairScore> bilingualPairs,
        Map<String, Double> responseLanguageRates,
        Correlation pretrainingCorrelation,
        List<String> notes) {

    /** Rows are mixes, columns eval languages; a null cell was not measured. */
    public record Matrix(String metric, String title, List<String> rows, List<String> columns, List<List<Double>> values) {
    }

    /** One line of a chart: a design's averages over a group of languages. */
    public record Curve(String design, String series, String metric, String xLabel, List<Point> points) {
    }

    /** A point of a curve; {@code label} names the mix (e.g. {@code pinch-n40}). */
    public record Point(double x, double y, String label) {
    }

    /** A bilingual pair's average on the languages it was not tuned on. */
    public record PairScore(String mix, List<String> pair, String metric, double otherLanguagesAverage, int languages) {
    }

    /**
     * Pearson r between a language's pretraining share and the average cross-lingual score of the model tuned
     * monolingually on it (the paper found r = 0.22).
     */
    public record Correlation(String metric, Map<String, Double> shares, Map<String, Double> crossLingualScores,
            double pearson, int n) {
    }
}
