package dev.pinch.evaluator.scoring;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Language confusion as the Language Confusion Benchmark measures it (Marchisio et al. 2024, "Understanding and
 * Mitigating Language Confusion in LLMs"; metric definition read from {@code compute_metrics.py} of
 * github.com/for-ai/language-confusion, commit 6cb0fe2), per response:
 * <ul>
 *   <li><b>line-level pass</b>: after LCB's normalisation (strip, drop ASCII punctuation, an em dash becomes a space,
 *       drop the Arabic comma), every line of at least {@value #MIN_LINE_WORDS} words is identified as the prompt's
 *       language. A response with no such line is skipped (null), as LCB skips it.
 *   <li><b>word-level pass</b>, only for languages not written in Latin script (English words cannot be told apart
 *       from Latin-script words there, as LCB notes): of the responses that pass at line level, those with no word
 *       from an English word list (words all in lower case, longer than 3 letters: LCB's filter). Null otherwise.
 * </ul>
 * Differences from LCB, for what is available offline: lines are identified with Pinch's Lingua identifier
 * (restricted to the experiment's languages plus confusables) instead of fastText lid.176; Chinese and Japanese
 * are split into words by ICU's dictionary segmenter instead of jieba and MeCab; the English list is SCOWL's
 * ({@code english-words.COPYRIGHT}) instead of a Unix {@code words} file; LCB's cut at "\nQ:" (a few-shot prompt
 * artefact) is not applied.
 */
public final class LanguageConfusion {

    /** Lines with fewer words are skipped. */
    public static final int MIN_LINE_WORDS = 5;

    /** The two checks of one response; null where LCB does not count the response. */
    public record Result(Boolean linePass, Boolean wordPass) {
    }

    private static final Pattern PUNCTUATION = Pattern.compile("[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~،]");
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    private final LanguageIdentifier identifier;

    public LanguageConfusion(LanguageIdentifier identifier) {
        this.identifier = identifier;
    }

    /** Checks one response to a prompt in {@code lang}. */
    public Result check(String response, String lang, Set<String> experimentLanguages) {
        String text = PUNCTUATION.matcher(response.strip()).replaceAll("").replace("—", " ");
        List<String> lines = new ArrayList<>();
        List<List<String>> words = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            List<String> w = words(line, lang);
            if (w.size() >= MIN_LINE_WORDS) {
                lines.add(line);
                words.add(w);
            }
        }
        if (lines.isEmpty()) {
            return new Result(null, null);
        }
        boolean linePass = lines.stream().allMatch(l -> identifier.isInLanguage(l, lang, experimentLanguages));
        if (!linePass || !ScriptFilter.nonLatin(lang)) {
            return new Result(linePass, null);
        }
        Set<String> english = EnglishWords.SET;
        return new Result(true, words.stream().flatMap(List::stream).noneMatch(w -> english.contains(w.strip())));
    }

    /** The words of a line: ICU dictionary segmentation for Chinese and Japanese, whitespace elsewhere. */
    static List<String> words(String line, String lang) {
        if (!lang.equals("zh") && !lang.equals("ja")) {
            return WHITESPACE.splitAsStream(line.strip()).filter(w -> !w.isEmpty()).toList();
        }
        BreakIterator it = BreakIterator.getWordInstance(ULocale.forLanguageTag(lang));
        it.setText(line);
        List<String> out = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            if (it.getRuleStatus() != BreakIterator.WORD_NONE) {
                out.add(line.substring(start, end));
            }
        }
        return out;
    }

    /** The English word list, loaded on first use. */
    private static final class EnglishWords {
        static final Set<String> SET = load();

        private static Set<String> load() {
            try (InputStream in = LanguageConfusion.class.getResourceAsStream("english-words.txt.gz");
                    BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                            StandardCharsets.UTF_8))) {
                return Set.copyOf(r.lines().toList());
            } catch (IOException | NullPointerException e) {
                throw new UncheckedIOException(new IOException("cannot read english-words.txt.gz", e));
            }
        }
    }
}
