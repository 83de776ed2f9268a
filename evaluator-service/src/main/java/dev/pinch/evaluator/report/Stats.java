package dev.pinch.evaluator.report;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/** Means that skip unmeasured (null) values, and Pearson's r. */
final class Stats {

    private Stats() {
    }

    static OptionalDouble mean(List<Double> values) {
        return values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).average();
    }

    /** Pearson's correlation coefficient; NaN when either side has no variance or fewer than 2 points. */
    static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
