package dev.pinch.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Learns byte-level BPE merges from text, deterministically (for {@link ByteLevelTokenizer}). */
final class BpeTrainer {

    /** GPT-2's pre-tokenization, as the ByteLevel pre-tokenizer applies it ({@code use_regex: true}). */
    private static final Pattern WORDS = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    private BpeTrainer() {}

    /**
     * Learns merges; appends each merged symbol to {@code symbols}.
     *
     * @param corpus the texts
     * @param symbols the current symbols (the 256 byte characters); extended in place
     * @param maxMerges the most merges to learn
     * @return the merges, {@code "left right"}, in rank order
     */
    static List<String> learn(Iterable<String> corpus, List<String> symbols, int maxMerges) {
        List<String> merges = new ArrayList<>();
        if (maxMerges <= 0) {
            return merges;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String text : corpus) {
            Matcher m = WORDS.matcher(text);
            while (m.find()) {
                counts.merge(ByteLevelAlphabet.encode(m.group()), 1, Integer::sum);
            }
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            ids.put(symbols.get(i), i);
        }
        List<int[]> words = new ArrayList<>();
        List<Integer> freq = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String w = e.getKey();
            int[] s = new int[w.length()];
            for (int i = 0; i < s.length; i++) {
                s[i] = ids.get(String.valueOf(w.charAt(i)));
            }
            words.add(s);
            freq.add(e.getValue());
        });
        while (merges.size() < maxMerges) {
            Map<Long, Integer> pairs = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                int[] s = words.get(w);
                for (int i = 0; i + 1 < s.length; i++) {
                    pairs.merge(((long) s[i] << 32) | s[i + 1], freq.get(w), Integer::sum);
                }
            }
            long best = -1;
            int bestCount = 1;
            for (Map.Entry<Long, Integer> e : pairs.entrySet()) {
                if (e.getValue() > bestCount || (e.getValue() == bestCount && bestCount > 1 && e.getKey() < best)) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            if (best < 0) {
                break;
            }
            int left = (int) (best >>> 32);
            int right = (int) best;
            String joined = symbols.get(left) + symbols.get(right);
            Integer known = ids.get(joined);
            int merged = known != null ? known : symbols.size();
            if (known == null) {
                symbols.add(joined);
                ids.put(joined, merged);
            }
            merges.add(symbols.get(left) + ' ' + symbols.get(right));
            for (int w = 0; w < words.size(); w++) {
                words.set(w, replace(words.get(w), left, right, merged));
            }
        }
        return merges;
    }

    private static int[] replace(int[] s, int left, int right, int merged) {
        int[] out = new int[s.length];
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i + 1 < s.length && s[i] == left && s[i + 1] == right) {
                out[n++] = merged;
                i++;
            } else {
                out[n++] = s[i];
            }
        }
        return n == s.length ? s : java.util.Arrays.copyOf(out, n);
    }
}
