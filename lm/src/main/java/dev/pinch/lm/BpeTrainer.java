package dev.pinch.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns byte-level BPE merges from text, deterministically (for {@link ByteLevelTokenizer}). Each round merges the
 * most frequent adjacent pair of symbols (overlapping occurrences counted, as in the classic algorithm), ties broken
 * by the smaller (left id, right id); pairs seen once are never merged. Pair counts are kept incrementally with an
 * index from each pair to the words holding it, so a round touches only the words that contain the merged pair:
 * thousands of merges over a corpus of tens of thousands of sentences take seconds.
 */
final class BpeTrainer {

    /** GPT-2's pre-tokenization, as the ByteLevel pre-tokenizer applies it ({@code use_regex: true}). */
    private static final Pattern WORDS = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    private final List<int[]> words = new ArrayList<>();
    private final List<Integer> freq = new ArrayList<>();
    private final Map<Long, Long> counts = new HashMap<>();
    private final Map<Long, IntList> where = new HashMap<>();
    /** Candidates {count, pair}; stale entries (count no longer current) are skipped when polled. */
    private final PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> x[0] != y[0]
            ? Long.compare(y[0], x[0]) : Long.compare(x[1], y[1]));

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
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            ids.put(symbols.get(i), i);
        }
        BpeTrainer t = new BpeTrainer();
        t.index(corpus, ids);
        while (merges.size() < maxMerges) {
            long best = t.best();
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
            t.merge(best, merged);
        }
        return merges;
    }

    private void index(Iterable<String> corpus, Map<String, Integer> ids) {
        Map<String, Integer> wordCounts = new HashMap<>();
        for (String text : corpus) {
            Matcher m = WORDS.matcher(text);
            while (m.find()) {
                wordCounts.merge(ByteLevelAlphabet.encode(m.group()), 1, Integer::sum);
            }
        }
        wordCounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String w = e.getKey();
            int[] s = new int[w.length()];
            for (int i = 0; i < s.length; i++) {
                s[i] = ids.get(String.valueOf(w.charAt(i)));
            }
            words.add(s);
            freq.add(e.getValue());
        });
        for (int w = 0; w < words.size(); w++) {
            add(w, +1);
        }
        counts.forEach((pair, count) -> queue.add(new long[] {count, pair}));
    }

    /** The most frequent pair seen at least twice (ties: smallest key), or -1. */
    private long best() {
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            Long current = counts.get(top[1]);
            if (current != null && current == top[0]) {
                return top[0] >= 2 ? top[1] : -1;
            }
        }
        return -1;
    }

    private void merge(long pair, int merged) {
        int left = (int) (pair >>> 32);
        int right = (int) pair;
        IntList holders = where.remove(pair);
        Map<Long, Long> before = new HashMap<>();
        for (int i = 0; i < holders.size; i++) {
            int w = holders.values[i];
            if (i > 0 && holders.values[i - 1] == w) {
                continue;
            }
            int[] s = words.get(w);
            int[] next = replace(s, left, right, merged);
            if (next != s) {
                snapshot(before, s);
                snapshot(before, next);
                add(w, -1);
                words.set(w, next);
                add(w, +1);
            }
        }
        counts.remove(pair);
        before.keySet().forEach(p -> {
            Long c = counts.get(p);
            if (c != null && !c.equals(before.get(p))) {
                queue.add(new long[] {c, p});
            }
        });
    }

    private void snapshot(Map<Long, Long> before, int[] s) {
        for (int i = 0; i + 1 < s.length; i++) {
            long p = key(s[i], s[i + 1]);
            before.putIfAbsent(p, counts.getOrDefault(p, 0L));
        }
    }

    /** Adds (sign +1) or removes (-1) the pairs of word {@code w} from the counts; indexes it on adding. */
    private void add(int w, int sign) {
        int[] s = words.get(w);
        long f = (long) sign * freq.get(w);
        for (int i = 0; i + 1 < s.length; i++) {
            long p = key(s[i], s[i + 1]);
            long c = counts.getOrDefault(p, 0L) + f;
            if (c == 0) {
                counts.remove(p);
            } else {
                counts.put(p, c);
            }
            if (sign > 0) {
                where.computeIfAbsent(p, k -> new IntList()).addSorted(w);
            }
        }
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | right;
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

    /** Word indices holding a pair, in insertion order; a word may repeat (callers skip adjacent repeats). */
    private static final class IntList {
        int[] values = new int[2];
        int size;

        void addSorted(int v) {
            if (size > 0 && values[size - 1] == v) {
                return;
            }
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
