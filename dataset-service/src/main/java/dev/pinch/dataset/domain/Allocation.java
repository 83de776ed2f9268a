package dev.pinch.dataset.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Even splits of a number of examples over languages (largest-remainder apportionment with equal quotas).
 *
 * <p>Every language gets {@code floor(total / n)}; the {@code total mod n} left over go one each to the first
 * languages of a seeded permutation of the (sorted) languages. The result depends on the set of languages and
 * the seed only, never on the order the languages were given in, and always sums to {@code total}.
 */
public final class Allocation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Allocation() {
    }

    /**
     * Splits {@code total} evenly over {@code languages}.
     *
     * @return examples per language, sorted by language code, including languages that get 0
     * @throws IllegalArgumentException for a negative total, no languages, or a language given twice
     */
    public static SortedMap<String, Integer> split(int total, List<String> languages, long seed) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("no languages to split " + total + " examples over");
        }
        if (new HashSet<>(languages).size() != languages.size()) {
            throw new IllegalArgumentException("language listed twice: " + languages);
        }
        int n = languages.size();
        int quota = total / n;
        int remainder = total % n;
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (String lang : languages) {
            counts.put(lang, quota);
        }
        List<String> order = SeededOrder.shuffled(languages, seed);
        for (int i = 0; i < remainder; i++) {
            counts.merge(order.get(i), 1, Integer::sum);
        }
        return Collections.unmodifiableSortedMap(counts);
    }

    /**
     * The multilingual share of a budget: {@code budget * percent / 100}, rounded half up, computed exactly
     * in decimal (so 1% of 4,640 is 46, 10% is 464 and 100% is 4,640; 0.5% of 4,641 is 23.205 → 23).
     *
     * @throws IllegalArgumentException when {@code percent} is not a finite number in [0, 100] or budget &lt; 0
     */
    public static int percentOf(int budget, double percent) {
        if (!Double.isFinite(percent) || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in [0, 100]: " + percent);
        }
        if (budget < 0) {
            throw new IllegalArgumentException("budget must not be negative: " + budget);
        }
        return BigDecimal.valueOf(budget)
                .multiply(BigDecimal.valueOf(percent))
                .divide(HUNDRED)
                .setScale(0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    /** {@code percent} as written in names and params: {@code 1}, {@code 10}, {@code 0.5} (no trailing zeros). */
    public static String formatPercent(double percent) {
        return BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString();
    }
}
