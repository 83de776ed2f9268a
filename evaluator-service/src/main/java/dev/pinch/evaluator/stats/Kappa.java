package dev.pinch.evaluator.stats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Cohen's kappa (Cohen 1960) between two raters who label the same items: (p<sub>o</sub> − p<sub>e</sub>) /
 * (1 − p<sub>e</sub>), where p<sub>o</sub> is the share of items they label alike and p<sub>e</sub> the share expected
 * by chance from each rater's label frequencies. 1 is perfect agreement, 0 chance level.
 */
public final class Kappa {

    private Kappa() {
    }

    /**
     * Kappa over the item pairs where both labels are present.
     *
     * @return NaN when no item has both labels, or when chance agreement is 1 (both raters always give the one same
     *         label: agreement is perfect but kappa is undefined)
     */
    public static <T> double of(List<T> first, List<T> second) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("the raters labelled " + first.size() + " and " + second.size()
                    + " items; kappa needs the same items");
        }
        List<T> a = new ArrayList<>();
        List<T> b = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i) != null && second.get(i) != null) {
                a.add(first.get(i));
                b.add(second.get(i));
            }
        }
        int n = a.size();
        if (n == 0) {
            return Double.NaN;
        }
        Set<T> labels = new LinkedHashSet<>(a);
        labels.addAll(b);
        double observed = 0;
        for (int i = 0; i < n; i++) {
            observed += Objects.equals(a.get(i), b.get(i)) ? 1 : 0;
        }
        observed /= n;
        double chance = 0;
        for (T label : labels) {
            chance += (double) a.stream().filter(label::equals).count() / n
                    * b.stream().filter(label::equals).count() / n;
        }
        return chance >= 1 ? Double.NaN : (observed - chance) / (1 - chance);
    }
}
