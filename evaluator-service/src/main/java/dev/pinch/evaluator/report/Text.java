package dev.pinch.evaluator.report;

import dev.pinch.evaluator.stats.Interval;
import java.util.Locale;

/** How the report writes numbers: one decimal, intervals as "value [low, high]", p-values with 2–3 digits. */
final class Text {

    private Text() {
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A difference: "+2.8 [-3.9, 9.6]", or "+2.8 (no interval: too few prompts)". */
    static String interval(Interval v) {
        return interval(v, true);
    }

    /** "+2.8 [-3.9, 9.6]" for a difference ({@code signed}), "41.3 [35.0, 47.9]" for a level. */
    static String interval(Interval v, boolean signed) {
        if (v == null) {
            return "n/a";
        }
        String value = String.format(Locale.ROOT, signed ? "%+.1f" : "%.1f", v.value());
        return v.low() == null ? value + " (no interval: too few prompts)"
                : value + " [" + String.format(Locale.ROOT, "%.1f, %.1f", v.low(), v.high()) + "]";
    }

    /** "0.003", "0.41", "< 0.001". */
    static String p(Double p) {
        if (p == null) {
            return "n/a";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, p < 0.01 ? "%.3f" : "%.2f", p);
    }
}
