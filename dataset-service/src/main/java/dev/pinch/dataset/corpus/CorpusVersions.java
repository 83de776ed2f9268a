package dev.pinch.dataset.corpus;

import java.util.Comparator;

/** Natural order of corpus versions: digit runs compare as numbers ({@code 2 < 10}, {@code 1.9 < 1.10}). */
final class CorpusVersions {

    /** Oldest first; ties between equal-valued spellings ({@code 01} and {@code 1}) fall back to plain text order. */
    static final Comparator<String> ORDER = CorpusVersions::compare;

    private CorpusVersions() {
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = runEnd(a, i);
                int ej = runEnd(b, j);
                String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int runEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }
}
