package dev.pinch.evaluator.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text handling behind chrF, with Python 3 semantics where sacrebleu relies on them: strings are
 * sequences of code points (not UTF-16 units), {@code str.split()} splits on Python's whitespace set, and
 * chrF++'s word tokens come from sacrebleu's {@code _remove_punctuation}.
 */
final class ChrFText {

    /** {@code string.punctuation}, as in sacrebleu's {@code CHRF._PUNCTS}. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private ChrFText() {
    }

    /** Whether Python 3's {@code str.isspace()} holds for the code point (the set {@code str.split()} uses). */
    static boolean isPythonWhitespace(int cp) {
        return switch (cp) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
                 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }

    /** Python's {@code s.split()}: maximal runs of non-whitespace. */
    static List<String> split(String s) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isPythonWhitespace(cp)) {
                if (start >= 0) {
                    tokens.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            tokens.add(s.substring(start));
        }
        return tokens;
    }

    /** The code points of {@code s}, without whitespace unless {@code keepWhitespace} ({@code ''.join(s.split())}). */
    static int[] codePoints(String s, boolean keepWhitespace) {
        return keepWhitespace ? s.codePoints().toArray()
                : s.codePoints().filter(cp -> !isPythonWhitespace(cp)).toArray();
    }

    /** Counts of the character n-grams of order {@code n} ({@code Counter(line[i:i+n] ...)}). */
    static Map<String, Integer> charNgrams(int[] cps, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= cps.length; i++) {
            counts.merge(new String(cps, i, n), 1, Integer::sum);
        }
        return counts;
    }

    /** Counts of the word n-grams of order {@code n}, joined by a space as sacrebleu's {@code extract_word_ngrams}. */
    static Map<String, Integer> wordNgrams(List<String> tokens, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * sacrebleu's {@code CHRF._remove_punctuation}: split on whitespace, then separate one ASCII punctuation
     * character from the end of a word or, failing that, from its start ({@code "(hi)"} gives {@code "(hi", ")"}).
     */
    static List<String> removePunctuation(String sentence) {
        List<String> tokenized = new ArrayList<>();
        for (String w : split(sentence)) {
            int count = w.codePointCount(0, w.length());
            if (count == 1) {
                tokenized.add(w);
                continue;
            }
            int last = w.codePointBefore(w.length());
            int first = w.codePointAt(0);
            if (isPunct(last)) {
                int cut = w.length() - Character.charCount(last);
                tokenized.add(w.substring(0, cut));
                tokenized.add(w.substring(cut));
            } else if (isPunct(first)) {
                int cut = Character.charCount(first);
                tokenized.add(w.substring(0, cut));
                tokenized.add(w.substring(cut));
            } else {
                tokenized.add(w);
            }
        }
        return tokenized;
    }

    private static boolean isPunct(int cp) {
        return cp < 128 && PUNCTUATION.indexOf(cp) >= 0;
    }

    /** sacrebleu's {@code _get_match_statistics}: hypothesis counts only count when the reference has n-grams. */
    static void matchStatistics(Map<String, Integer> hyp, Map<String, Integer> ref, long[] out, int at) {
        long hypCount = 0;
        long matchCount = 0;
        for (Map.Entry<String, Integer> e : hyp.entrySet()) {
            hypCount += e.getValue();
            Integer r = ref.get(e.getKey());
            if (r != null) {
                matchCount += Math.min(e.getValue(), r);
            }
        }
        long refCount = 0;
        for (int c : ref.values()) {
            refCount += c;
        }
        out[at] = ref.isEmpty() ? 0 : hypCount;
        out[at + 1] = refCount;
        out[at + 2] = matchCount;
    }
}
