package dev.pinch.lm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The incremental trainer learns exactly the merges of the textbook algorithm (recount every pair every round). */
class BpeTrainerTest {

    @Test
    void learnsTheSameMergesAsTheTextbookAlgorithm() {
        List<String> corpus = corpus(new Random(7), 400);
        List<String> expected = Textbook.learn(corpus, byteSymbols(), 300);
        List<String> actual = BpeTrainer.learn(corpus, byteSymbols(), 300);
        assertThat(actual).hasSizeGreaterThan(50).isEqualTo(expected);
    }

    @Test
    void overlappingRepeatsAndExhaustedPairsMatchToo() {
        List<String> corpus = List.of("aaaaaaa aaaa bbbb abab abab", "ab ab ab aaab", "ééé ééé 中中中文文 中文");
        assertThat(BpeTrainer.learn(corpus, byteSymbols(), 100)).isEqualTo(Textbook.learn(corpus, byteSymbols(), 100));
    }

    @Test
    void learningExtendsTheSymbolsWithEachMergedSymbol() {
        List<String> symbols = byteSymbols();
        List<String> merges = BpeTrainer.learn(List.of("hello hello hello"), symbols, 3);
        assertThat(merges).hasSize(3);
        assertThat(symbols).hasSize(259);
        assertThat(symbols.get(256)).isEqualTo(merges.get(0).replace(" ", ""));
    }

    private static List<String> byteSymbols() {
        List<String> symbols = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            symbols.add(String.valueOf(ByteLevelAlphabet.CHARS[b]));
        }
        return symbols;
    }

    /** Random sentences over a small multilingual vocabulary, so that pairs repeat and tie. */
    private static List<String> corpus(Random random, int n) {
        String[] words = {"the", "then", "there", "hello", "над", "надо", "мир", "中文", "中国", "año", "años", "a",
            "123", "2019", "don't", "it's", "!!", "...", "the", "ther"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder s = new StringBuilder();
            int len = 3 + random.nextInt(10);
            for (int j = 0; j < len; j++) {
                s.append(j == 0 ? "" : random.nextInt(5) == 0 ? "  " : " ").append(words[random.nextInt(words.length)]);
            }
            out.add(s.toString());
        }
        return out;
    }

    /** The previous, straightforward implementation: recounts every pair of every word for each merge. */
    private static final class Textbook {
        private static final Pattern WORDS = Pattern.compile(
                "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
                Pattern.UNICODE_CHARACTER_CLASS);

        static List<String> learn(Iterable<String> corpus, List<String> symbols, int maxMerges) {
            List<String> merges = new ArrayList<>();
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
                int[] s = new int[e.getKey().length()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = ids.get(String.valueOf(e.getKey().charAt(i)));
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
                    int[] s = words.get(w);
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
                    words.set(w, n == s.length ? s : java.util.Arrays.copyOf(out, n));
                }
            }
            return merges;
        }
    }
}
